/**
 * Default questionnaire of the employer-attractiveness self-check
 * ("Selbstcheck Arbeitgeberattraktivität"), seeded on first start.
 *
 * Statements are rated on a 5-point agreement scale
 * (1 = "trifft überhaupt nicht zu" … 5 = "trifft voll zu", plus "weiß nicht / keine Angabe").
 * Keys are stable identifiers: never rename them once answers exist, add new keys instead.
 */

export interface DefaultQuestion {
  /** stable key, unique in the whole questionnaire, lowercase kebab-case ASCII, prefixed with the dimension key, e.g. 'fuehrung-feedback' */
  key: string;
  text: string;
  help: string;
  /** 1 normally; 2 for a few core items */
  weight: number;
  /** true when agreement is BAD for attractiveness (the score is inverted), e.g. "Überstunden sind bei uns die Regel." */
  reverse: boolean;
  /** true only for questions that apply to companies that train apprentices */
  onlyIfTrainsApprentices: boolean;
}

export interface DefaultDimension {
  key: string;
  name: string;
  description: string;
  questions: DefaultQuestion[];
}

export interface DefaultQuestionnaire {
  version: string;
  title: string;
  intro: string;
  dimensions: DefaultDimension[];
}

export const defaultQuestionnaire: DefaultQuestionnaire = {
  version: '2026-1',
  title: 'Selbstcheck Arbeitgeberattraktivität',
  intro:
    'Mit diesem Selbstcheck sehen Sie in 10 bis 15 Minuten, wo Ihr Betrieb als Arbeitgeber schon stark ist und wo sich Handeln besonders lohnt. ' +
    'Sie können Ihre Angaben jederzeit zwischenspeichern und den Check später fortsetzen. ' +
    'Ihre Antworten bleiben anonym und fließen nur dann in die anonyme regionale Statistik ein, wenn Sie dem ausdrücklich zustimmen.',
  dimensions: [
    {
      key: 'fuehrung',
      name: 'Führung & Unternehmenskultur',
      description:
        'Wie Führungskräfte mit den Beschäftigten umgehen, wie offen im Betrieb informiert wird und wie sehr Mitarbeitende mitgestalten können.',
      questions: [
        {
          key: 'fuehrung-mitarbeitergespraech',
          text: 'Alle Beschäftigten haben mindestens einmal im Jahr ein geplantes Gespräch mit ihrer direkten Führungskraft.',
          help: 'Gemeint ist ein vereinbartes Gespräch über Aufgaben, Zufriedenheit und Ziele, nicht nur ein kurzer Austausch zwischen Tür und Angel.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'fuehrung-information',
          text: 'Wir informieren die Beschäftigten regelmäßig über wichtige Entwicklungen im Betrieb, etwa über Aufträge, Investitionen oder Veränderungen.',
          help: 'Zum Beispiel in einer monatlichen Teambesprechung, über einen Aushang am Schwarzen Brett oder mit einer kurzen Rundmail der Geschäftsführung.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'fuehrung-verbesserungsvorschlaege',
          text: 'Beschäftigte können Verbesserungsvorschläge einbringen und erfahren, was aus ihren Vorschlägen geworden ist.',
          help: 'Etwa über einen Ideenbriefkasten, einen festen Punkt in der Teamrunde oder eine Prämie für umgesetzte Ideen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'fuehrung-anerkennung',
          text: 'Gute Arbeit wird von den Führungskräften bemerkt und ausdrücklich anerkannt.',
          help: 'Anerkennung kann ein persönliches Dankeschön, eine Erwähnung in der Teamrunde oder eine kleine Aufmerksamkeit nach einem schwierigen Auftrag sein.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'fuehrung-entscheidungen-ohne-beteiligung',
          text: 'Entscheidungen, die die tägliche Arbeit der Beschäftigten betreffen, treffen wir meist, ohne die Betroffenen vorher zu fragen.',
          help: 'Zum Beispiel, wenn neue Maschinen, Software oder Arbeitsabläufe eingeführt werden, ohne dass das Team seine Erfahrungen einbringen kann.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'fuehrung-vorbereitung-fuehrungskraefte',
          text: 'Wer bei uns Führungsverantwortung übernimmt, wird darauf vorbereitet, zum Beispiel mit einer Schulung oder einem Coaching.',
          help: 'Das gilt besonders für Meisterinnen, Meister und Teamleitungen, die aus der eigenen Belegschaft aufsteigen und plötzlich ehemalige Kollegen führen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'verguetung',
      name: 'Vergütung & Zusatzleistungen',
      description:
        'Ob die Bezahlung als fair und nachvollziehbar erlebt wird und welche Leistungen der Betrieb zusätzlich zum Lohn bietet.',
      questions: [
        {
          key: 'verguetung-marktueblich',
          text: 'Unsere Löhne und Gehälter liegen mindestens auf dem Niveau, das in unserer Branche und Region üblich ist.',
          help: 'Als Vergleich eignen sich der Tarifvertrag der Branche, Stellenanzeigen aus der Region oder der Entgeltatlas der Bundesagentur für Arbeit.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'verguetung-nachvollziehbar',
          text: 'Für die Beschäftigten ist nachvollziehbar, wie sich ihr Lohn zusammensetzt und wie sie mehr verdienen können.',
          help: 'Zum Beispiel durch feste Lohngruppen, klare Kriterien für Gehaltserhöhungen oder Zuschläge für zusätzliche Qualifikationen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'verguetung-zusatzleistungen',
          text: 'Wir bieten Leistungen über den Lohn hinaus, etwa Jobticket, Dienstrad, Zuschuss zur Altersvorsorge oder Tankgutscheine.',
          help: 'Auch kleine steuerfreie oder steuerbegünstigte Extras zählen, sofern die Beschäftigten sie kennen und tatsächlich nutzen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'verguetung-regelmaessig-besprochen',
          text: 'Über Lohn und Gehalt sprechen wir regelmäßig mit den Beschäftigten und nicht erst, wenn jemand kündigen will.',
          help: 'Gemeint ist ein fester Anlass, etwa einmal im Jahr im Mitarbeitergespräch, bei dem auch die Bezahlung auf den Tisch kommt.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'verguetung-unterschiede-ohne-grund',
          text: 'Bei gleicher Tätigkeit und Erfahrung verdienen Beschäftigte bei uns unterschiedlich viel, ohne dass es dafür klare Gründe gibt.',
          help: 'Typisch sind Unterschiede, die allein vom Verhandlungsgeschick bei der Einstellung, vom Zeitpunkt des Eintritts oder vom Geschlecht abhängen.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'vereinbarkeit',
      name: 'Vereinbarkeit & Arbeitszeit',
      description:
        'Wie gut sich Arbeit mit Familie, Pflege von Angehörigen und Privatleben verbinden lässt und wie planbar die Arbeitszeiten sind.',
      questions: [
        {
          key: 'vereinbarkeit-flexible-arbeitszeit',
          text: 'Beschäftigte können Beginn und Ende ihrer Arbeitszeit in einem vereinbarten Rahmen mitbestimmen.',
          help: 'Zum Beispiel durch Gleitzeit, ein Arbeitszeitkonto oder das Tauschen von Schichten untereinander; auch im Schichtbetrieb gibt es oft Spielraum.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'vereinbarkeit-planbarkeit',
          text: 'Schichten, Wochenenddienste und auswärtige Einsätze planen wir so früh, dass sich die Beschäftigten privat darauf einstellen können.',
          help: 'Als Richtwert gelten mindestens zwei Wochen Vorlauf, damit Kinderbetreuung, Pflege oder Vereinstermine organisiert werden können.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'vereinbarkeit-teilzeit',
          text: 'Teilzeit ist bei uns in allen Bereichen möglich, auch für Fach- und Führungskräfte.',
          help: 'Dazu gehört auch, dass Beschäftigte nach einer Teilzeitphase wieder auf mehr Stunden aufstocken können, wenn sie das möchten.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'vereinbarkeit-ueberstunden',
          text: 'Überstunden sind bei uns die Regel und nicht die Ausnahme.',
          help: 'Gemeint ist Mehrarbeit, die über längere Zeit regelmäßig anfällt, unabhängig davon, ob sie bezahlt oder mit Freizeit ausgeglichen wird.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'vereinbarkeit-familiaere-notfaelle',
          text: 'Bei familiären Notfällen, etwa einem kranken Kind oder einem plötzlichen Pflegefall, finden wir kurzfristig eine Lösung.',
          help: 'Zum Beispiel spontan freinehmen, Stunden tauschen oder die Arbeitszeit vorübergehend verringern, ohne dass daraus Nachteile entstehen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'vereinbarkeit-mobiles-arbeiten',
          text: 'Wo es die Tätigkeit zulässt, können Beschäftigte einen Teil ihrer Arbeit von zu Hause aus erledigen.',
          help: 'Auch in Werkstatt, Pflege oder Handel lässt sich das manchmal für Dokumentation, Angebote, Planung oder Online-Schulungen umsetzen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'entwicklung',
      name: 'Entwicklung & Weiterbildung',
      description:
        'Welche Möglichkeiten Beschäftigte haben, dazuzulernen, sich weiter zu qualifizieren und im Betrieb voranzukommen.',
      questions: [
        {
          key: 'entwicklung-weiterbildung-jaehrlich',
          text: 'Alle Beschäftigten nehmen mindestens einmal im Jahr an einer fachlichen Weiterbildung oder Schulung teil.',
          help: 'Dazu zählen auch Herstellerschulungen, Online-Kurse oder interne Schulungen, sofern sie über die gesetzlichen Pflichtunterweisungen hinausgehen.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'entwicklung-bedarf-besprochen',
          text: 'Mit allen Beschäftigten besprechen wir, welche Weiterbildung sie brauchen, und halten das Ergebnis schriftlich fest.',
          help: 'Zum Beispiel im jährlichen Mitarbeitergespräch, in dem gemeinsam überlegt wird, welche Kenntnisse in Zukunft gebraucht werden.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'entwicklung-kosten-und-zeit',
          text: 'Wir übernehmen Kosten für Weiterbildungen ganz oder teilweise und stellen dafür Arbeitszeit zur Verfügung.',
          help: 'Beispiele sind ein Zuschuss zur Meister- oder Technikerschule, bezahlte Freistellung für Kurse oder Hilfe beim Antrag auf Aufstiegs-BAföG.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'entwicklung-perspektiven',
          text: 'Unsere Beschäftigten wissen, wie sie sich bei uns weiterentwickeln können, etwa durch neue Aufgaben, Spezialisierung oder Führungsverantwortung.',
          help: 'Hilfreich ist es, mögliche Wege im Betrieb offen zu benennen, zum Beispiel vom Gesellen zum Vorarbeiter oder von der Fachkraft zur Schichtleitung.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'entwicklung-aufstieg-nur-extern',
          text: 'Wer sich beruflich weiterentwickeln möchte, muss dafür bei uns in der Regel den Betrieb wechseln.',
          help: 'Das trifft zu, wenn frei werdende verantwortungsvolle Stellen meist von außen besetzt werden oder es kaum neue Aufgaben gibt.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'ausbildung',
      name: 'Ausbildung & Nachwuchsgewinnung',
      description:
        'Wie der Betrieb junge Menschen für sich gewinnt und wie gut die Ausbildung organisiert und begleitet wird.',
      questions: [
        {
          key: 'ausbildung-schulkontakte',
          text: 'Wir pflegen Kontakte zu Schulen in der Region, etwa durch Betriebserkundungen, Berufsinfotage oder Bewerbungstrainings.',
          help: 'Eine feste Kooperation mit einer allgemeinbildenden Schule zählt ebenso wie die regelmäßige Teilnahme an Ausbildungsmessen oder Elternabenden.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ausbildung-schuelerpraktika',
          text: 'Schülerinnen und Schüler können bei uns ein gut betreutes Praktikum machen, das echte Einblicke in die Arbeit gibt.',
          help: 'Gut betreut heißt: eine feste Ansprechperson, ein Plan für die Praktikumstage und Aufgaben, bei denen die Jugendlichen selbst mit anpacken.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ausbildung-ausbildungsplan',
          text: 'Für alle Auszubildenden gibt es einen betrieblichen Ausbildungsplan, der im Alltag auch eingehalten wird.',
          help: 'Der Plan legt fest, wann, wo und von wem welche Inhalte des Ausbildungsrahmenplans vermittelt werden.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: true,
        },
        {
          key: 'ausbildung-feedbackgespraeche',
          text: 'Mit den Auszubildenden führen wir mindestens einmal im Quartal ein Gespräch über ihren Ausbildungsstand und ihre Fragen.',
          help: 'Dabei kann man zum Beispiel das Berichtsheft durchsehen, Noten aus der Berufsschule besprechen und die Prüfungsvorbereitung planen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: true,
        },
        {
          key: 'ausbildung-ausbildungsfremde-taetigkeiten',
          text: 'Auszubildende werden bei uns häufig für Hilfsarbeiten eingesetzt, die mit ihrem Ausbildungsberuf wenig zu tun haben.',
          help: 'Gelegentliches Aufräumen oder Besorgungen gehören dazu; kritisch wird es, wenn dadurch Ausbildungsinhalte über längere Zeit zu kurz kommen.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: true,
        },
        {
          key: 'ausbildung-uebernahme',
          text: 'Auszubildende erfahren spätestens ein halbes Jahr vor Ende der Ausbildung, ob und zu welchen Bedingungen wir sie übernehmen.',
          help: 'Eine frühe und verbindliche Zusage verhindert, dass gute Auszubildende sich vorsorglich bei anderen Betrieben bewerben.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: true,
        },
      ],
    },
    {
      key: 'gesundheit',
      name: 'Gesundheit & Arbeitsumfeld',
      description:
        'Wie der Betrieb die körperliche und seelische Gesundheit der Beschäftigten schützt und wie gut die Arbeitsbedingungen vor Ort sind.',
      questions: [
        {
          key: 'gesundheit-gefaehrdungsbeurteilung',
          text: 'Wir haben eine aktuelle Gefährdungsbeurteilung, die auch seelische Belastungen wie Zeitdruck oder Konflikte berücksichtigt.',
          help: 'Die Gefährdungsbeurteilung ist gesetzlich vorgeschrieben; Berufsgenossenschaft und Fachkraft für Arbeitssicherheit unterstützen dabei.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'gesundheit-ausstattung',
          text: 'Arbeitsplätze, Werkzeuge und Maschinen sind in gutem Zustand und erleichtern die Arbeit.',
          help: 'Zum Beispiel Hebehilfen, höhenverstellbare Tische, gute Beleuchtung oder moderne Geräte, die körperliche Belastung verringern.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'gesundheit-foerderangebote',
          text: 'Wir bieten Angebote zur Gesundheitsförderung, etwa einen Zuschuss zum Fitnessstudio, Rückenkurse oder Obst am Arbeitsplatz.',
          help: 'Krankenkassen unterstützen gerade kleine Betriebe bei der betrieblichen Gesundheitsförderung oft kostenlos mit Beratung und Kursen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'gesundheit-dauerhafter-druck',
          text: 'Unsere Beschäftigten stehen dauerhaft unter hohem Zeit- und Leistungsdruck.',
          help: 'Gemeint ist Druck, der nicht nur in Spitzenzeiten auftritt, sondern den Arbeitsalltag über Wochen und Monate bestimmt.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'gesundheit-rueckkehr-nach-krankheit',
          text: 'Nach längerer Krankheit unterstützen wir Beschäftigte mit einem geplanten Vorgehen bei der Rückkehr an den Arbeitsplatz.',
          help: 'Das betriebliche Eingliederungsmanagement ist gesetzlich vorgesehen, wenn jemand innerhalb eines Jahres länger als sechs Wochen arbeitsunfähig war.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'gesundheit-sozialraeume-mangelhaft',
          text: 'Pausenräume, Umkleiden und Sanitärräume sind bei uns zu klein, veraltet oder in schlechtem Zustand.',
          help: 'Diese Räume prägen stark, ob sich Beschäftigte und Bewerbende im Betrieb wohl und wertgeschätzt fühlen.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'arbeitgebermarke',
      name: 'Arbeitgebermarke & Recruiting',
      description:
        'Wie sichtbar und überzeugend sich der Betrieb als Arbeitgeber zeigt und wie zügig und freundlich er mit Bewerbungen umgeht.',
      questions: [
        {
          key: 'arbeitgebermarke-karriereseite',
          text: 'Auf unserer Website gibt es einen aktuellen Bereich zu Jobs und Ausbildung, der zeigt, was uns als Arbeitgeber ausmacht.',
          help: 'Überzeugend wirken echte Fotos aus dem Betrieb, Stimmen von Beschäftigten und konkrete Angaben zu Arbeitszeiten, Bezahlung und Extras.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'arbeitgebermarke-staerken-benennen',
          text: 'Wir können in wenigen Sätzen sagen, warum man gerade bei uns arbeiten sollte und was uns von anderen Betrieben unterscheidet.',
          help: 'Zum Beispiel kurze Wege zur Chefin oder zum Chef, ein sicherer Arbeitsplatz, abwechslungsreiche Aufträge oder ein besonders gutes Team.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'arbeitgebermarke-schnelle-rueckmeldung',
          text: 'Bewerberinnen und Bewerber erhalten von uns innerhalb einer Woche eine erste persönliche Rückmeldung.',
          help: 'Fachkräfte und Jugendliche haben oft mehrere Angebote; wer schnell antwortet und zeitnah zum Gespräch einlädt, ist klar im Vorteil.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'arbeitgebermarke-zielgruppen',
          text: 'Wir sprechen gezielt auch Menschen an, die oft übersehen werden, etwa Quereinsteigende, Ältere oder Eltern nach der Elternzeit.',
          help: 'Dazu gehören auch Menschen mit ausländischem Berufsabschluss; Agentur für Arbeit und Kammern beraten zu Förderung und Anerkennung.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'arbeitgebermarke-aufwendige-bewerbung',
          text: 'Ohne vollständige Bewerbungsmappe mit Anschreiben, Lebenslauf und Zeugnissen kommt bei uns niemand ins Vorstellungsgespräch.',
          help: 'Einfache Wege wie ein Anruf, ein kurzes Online-Formular oder eine Nachricht per Messenger senken die Hürde für Fachkräfte und Jugendliche.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'arbeitgebermarke-weiterempfehlung',
          text: 'Unsere Beschäftigten empfehlen uns im Bekanntenkreis als Arbeitgeber weiter.',
          help: 'Ein Hinweis darauf ist, dass neue Kolleginnen und Kollegen über Empfehlungen kommen; manche Betriebe zahlen dafür eine Prämie.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'onboarding',
      name: 'Onboarding & Bindung',
      description:
        'Wie neue Beschäftigte eingearbeitet werden und was der Betrieb tut, damit gute Leute langfristig bleiben.',
      questions: [
        {
          key: 'onboarding-einarbeitungsplan',
          text: 'Für neue Beschäftigte gibt es einen schriftlichen Einarbeitungsplan und eine feste Ansprechperson für die ersten Wochen.',
          help: 'Eine Patin oder ein Pate aus dem Team, die oder der für Fragen da ist, erleichtert den Start oft mehr als jede Broschüre.',
          weight: 2,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'onboarding-erster-arbeitstag',
          text: 'Am ersten Arbeitstag sind Arbeitsplatz, Arbeitskleidung, Werkzeug und Zugänge für neue Beschäftigte vorbereitet.',
          help: 'Ein gut vorbereiteter erster Tag zeigt neuen Kolleginnen und Kollegen, dass sie erwartet werden und willkommen sind.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'onboarding-gespraech-probezeit',
          text: 'In der Probezeit sprechen wir mit neuen Beschäftigten mindestens einmal darüber, wie sie angekommen sind und was sie noch brauchen.',
          help: 'So lassen sich Missverständnisse früh klären, bevor jemand innerlich kündigt oder die Probezeit für einen Wechsel nutzt.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'onboarding-fruehe-kuendigungen',
          text: 'Neue Beschäftigte verlassen uns häufig schon im ersten Jahr wieder.',
          help: 'Frühe Kündigungen deuten oft auf falsche Erwartungen bei der Einstellung oder eine holprige Einarbeitung hin.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'onboarding-austrittsgespraech',
          text: 'Wenn Beschäftigte kündigen, fragen wir in einem Gespräch nach den Gründen und ziehen daraus Konsequenzen.',
          help: 'Wer geht, spricht meist offener als wer bleibt; Austrittsgespräche zeigen deshalb ehrlich, wo der Betrieb nachbessern kann.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'onboarding-start-auszubildende',
          text: 'Neue Auszubildende begleiten wir beim Start gezielt, etwa mit Einführungstagen oder Patenschaften durch ältere Azubis.',
          help: 'Auch zwischen Vertragsunterschrift und Ausbildungsbeginn hilft Kontakt, etwa eine Einladung zum Sommerfest, damit niemand kurzfristig abspringt.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: true,
        },
      ],
    },
  ],
};

export default defaultQuestionnaire;
