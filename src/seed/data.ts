/**
 * German demo content for the Bildungsbüro / Fachkräfteoffensive CMS.
 *
 * Facts and figures about the practice examples come from public descriptions of the
 * municipalities; every text below is written fresh for this demo. Companies, contact persons,
 * e-mail addresses and quotes are fictitious (e-mail and application links use reserved
 * example domains). Dates are day offsets relative to the day the seed runs.
 */
import type { SeedData } from './types';

export const seedData: SeedData = {
  // ---------------------------------------------------------------------------------------------
  // Handlungsfelder
  // ---------------------------------------------------------------------------------------------
  fieldsOfAction: [
    {
      slug: 'bildungsmanagement',
      name: 'Bildungsmanagement',
      description:
        'Kommunale Koordination und Steuerung aller Bildungsangebote entlang der gesamten Bildungsbiografie. Ziele werden gemeinsam vereinbart, Zuständigkeiten geklärt und Angebote so abgestimmt, dass weder Lücken noch Doppelstrukturen entstehen.',
    },
    {
      slug: 'netzwerke-und-kooperationen',
      name: 'Netzwerke und Kooperationen',
      description:
        'Verbindliche Zusammenarbeit von Schulen, Betrieben, Kammern, Arbeitsverwaltung, Bildungsträgern und Kommunen – abgesichert durch Kooperationsvereinbarungen, feste Gremien und einen regelmäßigen Austausch.',
    },
    {
      slug: 'bildungsberatung',
      name: 'Bildungsberatung',
      description:
        'Neutrale und kostenfreie Beratung für Menschen jeden Alters zu Schulabschlüssen, Ausbildung, Studium, Weiterbildung und Anerkennung ausländischer Abschlüsse – möglichst wohnortnah und eng verzahnt mit anderen Beratungsstellen.',
    },
    {
      slug: 'uebergangsmanagement-schule-beruf',
      name: 'Übergangsmanagement Schule–Beruf',
      description:
        'Abgestimmte Begleitung junger Menschen von der Schule in Ausbildung, Studium oder Beruf. Ziel ist, dass niemand zwischen den Zuständigkeiten von Schule, Arbeitsverwaltung und Jugendhilfe verloren geht.',
    },
    {
      slug: 'berufsorientierung',
      name: 'Berufsorientierung',
      description:
        'Praxisnahe Formate, Unterrichtsmaterialien und Begegnungen mit Betrieben, die Schülerinnen und Schülern helfen, ihre Stärken zu entdecken und eine begründete Berufswahl zu treffen.',
    },
    {
      slug: 'bildungsmonitoring',
      name: 'Bildungsmonitoring',
      description:
        'Regelmäßige Erhebung und Auswertung von Bildungs- und Arbeitsmarktdaten. Sie liefert die Grundlage für Planung, Steuerung und Erfolgskontrolle und macht Entwicklungen für Politik und Öffentlichkeit nachvollziehbar.',
    },
    {
      slug: 'fachkraeftesicherung',
      name: 'Fachkräftesicherung',
      description:
        'Maßnahmen, mit denen Betriebe der Region Nachwuchs gewinnen, ihre Beschäftigten weiterentwickeln und sich als attraktive Arbeitgeber aufstellen, um Fachkräfte langfristig zu halten.',
    },
    {
      slug: 'bildung-im-strukturwandel',
      name: 'Bildung im Strukturwandel',
      description:
        'Aus- und Weiterbildung, die Beschäftigte und Betriebe auf neue Technologien und sich wandelnde Branchen vorbereitet – etwa auf Energiewende, Digitalisierung und Wasserstoffwirtschaft.',
    },
    {
      slug: 'integration-neuzugewanderter',
      name: 'Integration Neuzugewanderter',
      description:
        'Koordination von Sprach-, Bildungs- und Ausbildungsangeboten für neu zugewanderte Menschen, damit sie rasch Anschluss an Schule, Ausbildung und Arbeitsmarkt finden.',
    },
    {
      slug: 'fruehkindliche-bildung-und-ganztag',
      name: 'Frühkindliche Bildung und Ganztag',
      description:
        'Gute Bildung von Anfang an: Zusammenarbeit mit Kitas und Grundschulen sowie Gewinnung und Bindung pädagogischer Fachkräfte für den Ausbau der Ganztagsangebote.',
    },
    {
      slug: 'weiterbildung-und-lebenslanges-lernen',
      name: 'Weiterbildung und lebenslanges Lernen',
      description:
        'Überblick über Lernorte und Weiterbildungsangebote für Erwachsene sowie Wege, Abschlüsse nachzuholen, sich beruflich neu zu orientieren oder quer in einen anderen Beruf einzusteigen.',
    },
    {
      slug: 'familienbildung',
      name: 'Familienbildung',
      description:
        'Angebote, die Eltern als wichtigste Begleiter der Bildungswege ihrer Kinder stärken – von der frühen Förderung bis zur Unterstützung bei der Berufswahl.',
    },
  ],

  // ---------------------------------------------------------------------------------------------
  // Kommunen
  // ---------------------------------------------------------------------------------------------
  municipalities: [
    {
      slug: 'landkreis-verden',
      name: 'Landkreis Verden',
      kind: 'landkreis',
      state: 'niedersachsen',
      areaKm2: 787.97,
      population: 134645,
      website: 'https://www.landkreis-verden.de',
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
    },
    {
      slug: 'stadt-verden-aller',
      name: 'Stadt Verden (Aller)',
      kind: 'stadt',
      state: 'niedersachsen',
      areaKm2: 71.7,
      population: 28453,
      website: 'https://www.verden.de',
    },
    {
      slug: 'stadt-achim',
      name: 'Stadt Achim',
      kind: 'stadt',
      state: 'niedersachsen',
      areaKm2: 68.06,
      population: 32961,
      website: 'https://www.achim.de',
    },
    {
      slug: 'landkreis-osterode-am-harz',
      name: 'Landkreis Osterode am Harz',
      kind: 'landkreis',
      state: 'niedersachsen',
      areaKm2: 635.99,
      population: 74367,
      website: 'https://www.bildung-beruf-oha.de',
    },
    {
      slug: 'stadt-kassel',
      name: 'Stadt Kassel',
      kind: 'kreisfreie-stadt',
      state: 'hessen',
      areaKm2: 106.8,
      population: 204687,
      website: 'https://www.kassel.de',
    },
    {
      slug: 'landkreis-fulda',
      name: 'Landkreis Fulda',
      kind: 'landkreis',
      state: 'hessen',
      areaKm2: 1380.4,
      population: 224862,
      website: 'https://www.landkreis-fulda.de',
    },
    {
      slug: 'landkreis-elbe-elster',
      name: 'Landkreis Elbe-Elster',
      kind: 'landkreis',
      state: 'brandenburg',
      areaKm2: 1899.5,
      population: 100761,
      website: 'https://www.lkee.de',
    },
    {
      slug: 'landkreis-stade',
      name: 'Landkreis Stade',
      kind: 'landkreis',
      state: 'niedersachsen',
      areaKm2: 1266.3,
      population: 208033,
      website: 'https://www.landkreis-stade.de',
    },
  ],

  // ---------------------------------------------------------------------------------------------
  // Organisationen (Betriebe sind fiktiv)
  // ---------------------------------------------------------------------------------------------
  organisations: [
    {
      slug: 'bildungsbuero-fachkraefteoffensive-verden',
      name: 'Bildungsbüro und Fachkräfteoffensive Landkreis Verden',
      kind: 'verwaltung',
      sector: 'O',
      municipality: 'landkreis-verden',
      address: {
        street: 'Lindhooper Straße 67',
        postalCode: '27283',
        city: 'Verden (Aller)',
      },
      website: 'https://www.landkreis-verden.de',
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
    },
    {
      slug: 'tischlerei-brandt',
      name: 'Tischlerei Brandt GmbH',
      kind: 'betrieb',
      sector: 'C',
      sizeClass: 'micro',
      municipality: 'stadt-achim',
      address: {
        street: 'Am Sandberg 14',
        postalCode: '28832',
        city: 'Achim',
      },
      website: 'https://www.tischlerei-brandt.example',
      contact: {
        name: 'Jens Brandt',
        role: 'Inhaber und Ausbilder',
        email: 'ausbildung@tischlerei-brandt.example',
      },
    },
    {
      slug: 'elektro-hollmann',
      name: 'Elektro Hollmann GmbH & Co. KG',
      kind: 'betrieb',
      sector: 'F',
      sizeClass: 'small',
      municipality: 'stadt-verden-aller',
      address: {
        street: 'Hansestraße 9',
        postalCode: '27283',
        city: 'Verden (Aller)',
      },
      website: 'https://www.elektro-hollmann.example',
      contact: {
        name: 'Sabine Hollmann',
        role: 'Geschäftsführung und Ausbildungsleitung',
        email: 's.hollmann@elektro-hollmann.example',
      },
    },
    {
      slug: 'pflegedienst-allertal',
      name: 'Pflegedienst Allertal GmbH',
      kind: 'betrieb',
      sector: 'Q',
      sizeClass: 'medium',
      municipality: 'stadt-verden-aller',
      address: {
        street: 'Grüne Straße 31',
        postalCode: '27283',
        city: 'Verden (Aller)',
      },
      website: 'https://www.pflegedienst-allertal.example',
      contact: {
        name: 'Tobias Kück',
        role: 'Pflegedienstleitung',
        email: 'bewerbung@pflegedienst-allertal.example',
      },
    },
    {
      slug: 'weserland-logistik',
      name: 'Weserland Logistik GmbH',
      kind: 'betrieb',
      sector: 'H',
      sizeClass: 'medium',
      municipality: 'stadt-achim',
      address: {
        street: 'Logistikring 4',
        postalCode: '28832',
        city: 'Achim',
      },
      website: 'https://www.weserland-logistik.example',
      contact: {
        name: 'Aylin Demir',
        role: 'Personalreferentin Ausbildung',
        email: 'ausbildung@weserland-logistik.example',
      },
    },
    {
      slug: 'allerwiesen-feinkost',
      name: 'Allerwiesen Feinkost GmbH',
      kind: 'betrieb',
      sector: 'C',
      sizeClass: 'medium',
      municipality: 'stadt-verden-aller',
      address: {
        street: 'Industriestraße 18',
        postalCode: '27283',
        city: 'Verden (Aller)',
      },
      website: 'https://www.allerwiesen-feinkost.example',
      contact: {
        name: 'Marco Lüdemann',
        role: 'Ausbildungsleiter',
        email: 'karriere@allerwiesen-feinkost.example',
      },
    },
    {
      slug: 'ihk-stade',
      name: 'Industrie- und Handelskammer Stade für den Elbe-Weser-Raum',
      kind: 'kammer',
      municipality: 'landkreis-stade',
      address: {
        postalCode: '21680',
        city: 'Stade',
      },
      contact: {
        role: 'Ausbildungsberatung',
        email: 'ausbildungsberatung@kammer.example',
      },
    },
    {
      slug: 'oberschule-am-allerpark',
      name: 'Oberschule am Allerpark',
      kind: 'schule',
      sector: 'P',
      municipality: 'stadt-verden-aller',
      address: {
        street: 'Schulweg 5',
        postalCode: '27283',
        city: 'Verden (Aller)',
      },
      contact: {
        name: 'Frank Meinecke',
        role: 'Koordination Berufsorientierung',
        email: 'berufsorientierung@oberschule-allerpark.example',
      },
    },
    {
      slug: 'bildungswerk-aller-weser',
      name: 'Bildungswerk Aller-Weser gGmbH',
      kind: 'bildungstraeger',
      sector: 'P',
      sizeClass: 'small',
      municipality: 'stadt-verden-aller',
      address: {
        street: 'Bahnhofstraße 22',
        postalCode: '27283',
        city: 'Verden (Aller)',
      },
      website: 'https://www.bildungswerk-aller-weser.example',
      contact: {
        name: 'Nadine Wöhlke',
        role: 'Bereichsleitung Berufsorientierung',
        email: 'info@bildungswerk-aller-weser.example',
      },
    },
    {
      slug: 'agentur-fuer-arbeit-verden',
      name: 'Agentur für Arbeit Verden',
      kind: 'agentur-fuer-arbeit-jobcenter',
      municipality: 'stadt-verden-aller',
      address: {
        postalCode: '27283',
        city: 'Verden (Aller)',
      },
      website: 'https://www.arbeitsagentur.de',
      contact: {
        role: 'Berufsberatung',
        email: 'berufsberatung@arbeitsagentur.example',
      },
    },
  ],

  // ---------------------------------------------------------------------------------------------
  // Praxisbeispiele
  // ---------------------------------------------------------------------------------------------
  practiceExamples: [
    {
      slug: 'verden-bildungsverbund-schule-beruf-und-fachkraefteoffensive',
      title: 'Bildungsverbund Schule-Beruf und Fachkräfteoffensive: Übergänge gemeinsam gestalten',
      lead: 'Im Landkreis Verden arbeiten Schulen, Betriebe, Kammern, Arbeitsverwaltung und Kreisverwaltung seit über zehn Jahren in festen Strukturen zusammen. Das Bildungsbüro koordiniert den Bildungsverbund Schule-Beruf, die Fachkräfteoffensive ergänzt ihn um Angebote für Jugendliche und Unternehmen – von der Ausbildungsplatzbörse bis zum Ausbilderstammtisch.',
      municipality: 'landkreis-verden',
      fieldsOfAction: [
        'bildungsmanagement',
        'netzwerke-und-kooperationen',
        'bildungsberatung',
        'uebergangsmanagement-schule-beruf',
        'berufsorientierung',
        'fachkraeftesicherung',
      ],
      kindsOfOffer: ['strukturloesung', 'instrument-angebot'],
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
      website: 'https://www.landkreis-verden.de',
      links: [
        {
          label: 'Portal für freie Praktikums- und Ausbildungsplätze',
          url: 'https://www.ausbildung-verden.de',
        },
      ],
      quote: {
        text: 'Kein Jugendlicher soll nach dem letzten Schultag aus dem Blick geraten. Und jeder Betrieb, der Nachwuchs sucht, soll wissen, an wen er sich wenden kann.',
        role: 'Bildungsbüro im Fachdienst Wirtschaftsförderung',
      },
      body: [
        'Den Anstoß gab das regionale Entwicklungskonzept aus dem Jahr 2007: Der Landkreis wollte sich als Standort profilieren, an dem Wissen und Qualifikation den Unterschied machen. Daraus gingen 2010 die Fachkräfteoffensive und ein Jahr später der Bildungsverbund Schule-Beruf hervor. Beide führen seither Projekte, die zuvor unverbunden nebeneinander liefen, in einer gemeinsamen Strategie zusammen.',
        'Beide Gremien – der Bildungsverbund und die Lenkungsgruppe der Fachkräfteoffensive – tagen halbjährlich; dazwischen treiben Arbeitsgruppen einzelne Vorhaben voran. Das Bildungsbüro bereitet die Sitzungen vor, verbindet Schulen, Städte und Gemeinden, Fachdienste und Wirtschaft und achtet darauf, dass Verabredungen umgesetzt werden. Bildungsbüro und Fachkräfteoffensive gehören zum Fachdienst Wirtschaftsförderung und teilen sich 2,5 Vollzeitstellen.',
        'Für Jugendliche ist ein aufeinander abgestimmtes Paket entstanden: ein Online-Portal für freie Praktikums- und Ausbildungsplätze, eine regionale Ausbildungsplatzbörse, der Berufsbildungsplaner und der Berufsbildungsscout für den Unterricht sowie praktische Formate wie „Bau auf MINT“, das Azubi-Speed-Dating und der Azubi-Knigge. Betriebe erhalten Unterstützung, um als Arbeitgeber sichtbarer zu werden, und tauschen sich beim Ausbilderstammtisch untereinander aus.',
        'Ob die Angebote wirken, zeigt das Regionale Fachkräftemonitoring, für das alle zwei Jahre Unternehmen und Abschlussklassen befragt werden. Einmal jährlich lädt der Landkreis außerdem zur Bildungs- und Fachkräftekonferenz ein, bei der alle Interessierten mitdiskutieren können. Zusätzlich baut der Landkreis derzeit ein Bildungsmonitoring auf; es soll langfristig eine abgestimmte Bildungsplanung für das gesamte Kreisgebiet ermöglichen.',
        'Verbindlichkeit schaffen Kooperationsvereinbarungen zwischen den Partnern. Innerhalb der Kreisverwaltung stimmen sich Wirtschaftsförderung, Jugend und Familie, Kreisvolkshochschule und kommunales Jobcenter regelmäßig zur Fachkräftesicherung ab. So lassen sich Doppelarbeit vermeiden und unterschiedliche Blickwinkel früh zusammenführen.',
      ],
      yearStarted: 2010,
      partners:
        'Städte und Gemeinden im Landkreis, allgemeinbildende und berufsbildende Schulen, schulische Landesbehörde, Agentur für Arbeit, kommunales Jobcenter, Kammern, Wirtschaftsverbände, Unternehmen, Weiterbildungsträger, Kreisvolkshochschule',
      successFactors:
        'Kooperationsvereinbarungen mit klaren Zuständigkeiten\nFester Sitzungsrhythmus von Bildungsverbund und Lenkungsgruppe\nKoordinierende Stelle mit eigenem Personal in der Wirtschaftsförderung\nFachkräftemonitoring als regelmäßige Erfolgskontrolle\nFachdienstübergreifende Abstimmung innerhalb der Kreisverwaltung',
    },
    {
      slug: 'verden-regionales-fachkraeftemonitoring',
      title: 'Regionales Fachkräftemonitoring: Betriebe und Abschlussklassen im Vergleich',
      lead: 'Alle zwei Jahre befragt der Landkreis Verden zugleich Unternehmen und Abschlussklassen. Der Abgleich beider Perspektiven zeigt, wo Ausbildungswünsche und Personalbedarf auseinanderliegen, und liefert die Grundlage für Empfehlungen an Politik und Partner.',
      municipality: 'landkreis-verden',
      fieldsOfAction: ['bildungsmonitoring', 'fachkraeftesicherung', 'berufsorientierung'],
      kindsOfOffer: ['instrument-angebot'],
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
      website: 'https://www.landkreis-verden.de',
      quote: {
        text: 'Zahlen ersetzen nicht das Gespräch mit den Betrieben. Aber sie sorgen dafür, dass wir über dieselben Probleme sprechen.',
        role: 'Fachkräfteoffensive Landkreis Verden',
      },
      body: [
        'Das Monitoring besteht aus zwei Befragungen im selben Rhythmus: Unternehmen aller Branchen geben Auskunft über ihren Personal- und Ausbildungsbedarf, und die Abschlussklassen aller Schulen im Landkreis berichten, was sie nach der Schule vorhaben.',
        'Aufschlussreich wird es beim Vergleich. Liegen die Pläne der Jugendlichen neben den Erwartungen der Betriebe, werden Lücken sichtbar – etwa wenn Unternehmen in Berufen suchen, die Schülerinnen und Schüler kaum kennen, oder wenn Vorstellungen von Arbeitszeit und Ausbildungsbedingungen weit auseinandergehen.',
        'Die Ergebnisse werden im Bildungsverbund Schule-Beruf und in der Lenkungsgruppe der Fachkräfteoffensive vorgestellt und beraten. Die daraus abgeleiteten Handlungsempfehlungen fließen in neue Angebote ein; zugleich dient das Monitoring als Erfolgskontrolle für bestehende Maßnahmen.',
        'Zwischen den Befragungen ergänzt der Selbstcheck Arbeitgeberattraktivität das Bild: Betriebe schätzen ihre Stärken und Handlungsfelder selbst ein und erhalten passende Tipps, während das Bildungsbüro anonymisiert erkennt, in welchen Bereichen besonders viel Unterstützung gebraucht wird.',
      ],
      partners:
        'Unternehmen aller Branchen, allgemeinbildende und berufsbildende Schulen, Kammern, Agentur für Arbeit, Bildungsverbund Schule-Beruf, Lenkungsgruppe der Fachkräfteoffensive',
      successFactors:
        'Fester Zwei-Jahres-Rhythmus für vergleichbare Daten\nBefragung beider Seiten des Ausbildungsmarktes\nBeratung der Ergebnisse in den strategischen Gremien\nKonkrete Handlungsempfehlungen statt reiner Berichte',
    },
    {
      slug: 'osterode-koordinierungsstelle-bildung-beruf',
      title: 'Koordinierungsstelle Bildung-Beruf: vom Förderprojekt zur festen Einrichtung',
      lead: 'Was als geförderte Projektstelle begann, ist im Landkreis Osterode am Harz zu einer festen Einrichtung der Kreisverwaltung geworden. Die Koordinierungsstelle Bildung-Beruf bringt alle Beteiligten am Übergang von der Schule in Ausbildung und Beruf an einen Tisch und hat mit ihnen verbindliche Standards vereinbart.',
      municipality: 'landkreis-osterode-am-harz',
      fieldsOfAction: [
        'netzwerke-und-kooperationen',
        'bildungsmanagement',
        'uebergangsmanagement-schule-beruf',
      ],
      kindsOfOffer: ['strukturloesung'],
      contact: {
        role: 'Koordinierungsstelle Bildung-Beruf',
        email: 'bildung-beruf@osterode.example',
      },
      website: 'https://www.bildung-beruf-oha.de',
      quote: {
        text: 'Am Anfang stand die Frage, wer eigentlich wofür zuständig ist. Heute haben wir darauf eine gemeinsame Antwort – schriftlich vereinbart und von allen getragen.',
        role: 'Leitung der Koordinierungsstelle Bildung-Beruf',
      },
      body: [
        'Initiativen rund um den Übergang von der Schule in den Beruf gab es im Landkreis schon lange – eine gemeinsame Linie fehlte jedoch. Mit einem kommunalen Rahmenkonzept beschloss der Landkreis, das zu ändern. 2008 konnte dank Fördermitteln eine erste Personalstelle besetzt werden; mit einem weiteren Programm wuchs das Team zeitweise auf vier Köpfe.',
        'Der Weg in die Regelstruktur verlief in Etappen. Zwischen 2011 und 2013 gehörte die Koordinierungsstelle als eigene Abteilung zur Stabsstelle Bildung, Wirtschaft und Regionalplanung; 2013 beschloss der Kreistag, sie dauerhaft fortzuführen. Seitdem ist sie als Hauptsachgebiet direkt dem Ersten Kreisrat zugeordnet und mit zwei Stellen ausgestattet. Dass sich der Landrat persönlich für das Thema einsetzte, verschaffte ihr in den ersten Jahren spürbaren Rückhalt.',
        'Über die strategische Richtung entscheiden Steuerungsgruppe und Beirat, in denen etwa 20 Leitungskräfte sitzen; beide Gremien tagen ungefähr halbjährlich. Die inhaltliche Vorarbeit leisten Arbeitsgruppen mit Fachleuten aus der täglichen Praxis. Mit am Tisch sitzen Schulen aller Schulformen, Kammern, Agentur für Arbeit und Jobcenter, freie Träger, Gewerkschaften und Verbände, Unternehmen, Kreispolitik und Kreisverwaltung, die Städte und Gemeinden sowie die Landesschulbehörde.',
        'Gemeinsam haben die Partner einen Handlungsstandard mit Praxisleitfaden für den Übergang Bildung-Beruf erarbeitet. Er beschreibt die Schnittstellen, hilft, doppelte Angebote zu vermeiden, und dient als Maßstab, an dem die Partner ihre Arbeit regelmäßig überprüfen.',
        'Hürden gab es dennoch: Behörden, Schulen und Betriebe arbeiten nach sehr verschiedenen Gewohnheiten, und manche Förderrichtlinie ließ wenig Spielraum. Überzeugungsarbeit leisteten vor allem belastbare Daten. Außerdem zahlte es sich aus, dass die Gremien wirklich entscheiden dürfen und die Wege zu Kammern und anderen wirtschaftsnahen Organisationen kurz sind.',
      ],
      yearStarted: 2008,
      partners:
        'Allgemeinbildende und berufsbildende Schulen, Agentur für Arbeit, Jobcenter, Kammern, Gewerkschaften und Verbände, freie Träger, Städte und Gemeinden, Landesschulbehörde, Kreispolitik',
      successFactors:
        'Rückhalt durch Landrat und Kreistag\nVerankerung mit Entscheidungsbefugnis im Organigramm\nPersonelle Kontinuität in der Koordinierungsstelle\nKooperationsvereinbarung mit klar formulierten Zielen\nRegelmäßiger Abgleich der Erwartungen und Interessen aller Partner',
    },
    {
      slug: 'kassel-uebergangsmanagement-im-kommunalen-bildungsmanagement',
      title: 'Kassel: Übergangsmanagement Schule–Beruf als Teil des kommunalen Bildungsmanagements',
      lead: 'Die Stadt Kassel hat 2018 alle Koordinierungsaufgaben für die Bildungskette in einer Abteilung gebündelt. Dort sind der Übergang Schule–Beruf samt hessischer OloV-Koordination, die Koordination von Bildungsangeboten für Neuzugewanderte und das Bildungsmonitoring unter einem Dach vereint – Maßnahmen werden zunehmend anhand von Daten gesteuert.',
      municipality: 'stadt-kassel',
      fieldsOfAction: [
        'bildungsmanagement',
        'uebergangsmanagement-schule-beruf',
        'bildungsmonitoring',
        'integration-neuzugewanderter',
      ],
      kindsOfOffer: ['strukturloesung'],
      contact: {
        role: 'Abteilung Bildungsmanagement und Integration',
        email: 'bildungsmanagement@kassel.example',
      },
      website: 'https://www.kassel.de',
      links: [
        {
          label: 'OloV – Strategie für den Übergang Schule–Beruf in Hessen',
          url: 'https://www.olov-hessen.de',
        },
      ],
      quote: {
        text: 'Übergangsmanagement funktioniert nicht als Insel. Erst wenn wir die gesamte Bildungsbiografie betrachten, sehen wir, an welchen Stellen junge Menschen verloren gehen.',
        role: 'Abteilungsleitung Bildungsmanagement und Integration',
      },
      body: [
        'Das Selbstverständnis als bildungsaktive Kommune pflegt Kassel schon seit 2007. Ein Programm mit Zielen und Maßnahmen für alle Lebensphasen – von der Kita bis zur Weiterbildung – gibt dabei die Richtung vor. Organisatorisch zog die Stadt Anfang 2018 nach und schuf mit der Abteilung Bildungsmanagement und Integration eine gemeinsame Heimat für alle Koordinierungsaufgaben rund um Bildung.',
        'Die Abteilung gliedert sich in zwei Sachgebiete. Im ersten sind das Übergangsmanagement Schule–Beruf und die regionale Koordination von OloV angesiedelt, der hessischen Strategie zur Optimierung der lokalen Vermittlungsarbeit im Übergang Schule–Beruf. Das zweite verantwortet Bildung und Integration einschließlich der Koordination von Bildungsangeboten für Neuzugewanderte. Seit 2019 ist zudem das Bundesprogramm „Bildung integriert“ in der Abteilung verortet.',
        'Einfach ist das Zusammenspiel nicht. Jedes Programm bringt eigene Vorgaben mit, Partner wie Schulamt, Arbeitsagentur oder Kammern arbeiten nach ihrer jeweiligen Logik, und nicht jede Förderung gilt für dasselbe Gebiet. Stadt und Landkreis Kassel teilen sich einen Arbeitsmarkt, ihre Bevölkerung ist jedoch sehr unterschiedlich zusammengesetzt.',
        'Was die Bündelung bringt, zeigt sich im Alltag: Die Sachgebiete schauen gemeinsam auf die Lage, einigen sich auf wenige vorrangige Themen und prüfen anhand von Zahlen – etwa aus der integrierten Ausbildungsberichterstattung (iABE) –, ob Maßnahmen wirken oder nachgesteuert werden müssen. Seit 2017 steht der Stadt dabei die Transferagentur Hessen beratend zur Seite.',
      ],
      yearStarted: 2018,
      partners:
        'OloV-Steuerungsgruppe, Staatliches Schulamt, Agentur für Arbeit, Jobcenter, Kammern, Landkreis Kassel, Schulen und Bildungsträger, Transferagentur Hessen',
      successFactors:
        'Bündelung aller Koordinierungsaufgaben in einer Abteilung\nGemeinsame Bedarfsanalyse und Schwerpunktsetzung der Programme\nDatenbasierte Steuerung, unter anderem mit iABE-Daten\nOffener Umgang mit unterschiedlichen Programmlogiken\nExterne Begleitung durch die Transferagentur Hessen',
    },
    {
      slug: 'fulda-azubi-region',
      title: 'Azubi-Region Fulda: Nachwuchs gewinnen, wo er gebraucht wird',
      lead: 'Im Landkreis Fulda ist die Arbeitslosigkeit niedrig, und viele Ausbildungsplätze bleiben unbesetzt. Der Kreis und seine Partner reagieren mit einem Azubi-Manager, überregionaler Werbung für die „Azubi-Region“, bezahlbarem Wohnraum für Auszubildende und einer interaktiven Karte aller Lernorte.',
      municipality: 'landkreis-fulda',
      fieldsOfAction: [
        'bildungsmanagement',
        'fachkraeftesicherung',
        'uebergangsmanagement-schule-beruf',
        'bildungsmonitoring',
        'weiterbildung-und-lebenslanges-lernen',
      ],
      kindsOfOffer: ['strukturloesung', 'instrument-angebot'],
      contact: {
        role: 'Kommunales Bildungsmanagement',
        email: 'bildungsmanagement@fulda.example',
      },
      website: 'https://www.landkreis-fulda.de',
      quote: {
        text: 'Wir warten nicht darauf, dass sich Bewerberinnen und Bewerber bei uns melden. Wir gehen dorthin, wo junge Menschen einen Ausbildungsplatz suchen – und sorgen dafür, dass sie hier gut ankommen.',
        role: 'Kommunales Bildungsmanagement Landkreis Fulda',
      },
      body: [
        'Der Landkreis Fulda hat 2016 ein kommunales Bildungsmanagement eingeführt, das sich als Servicestelle versteht – für die Menschen im Kreis genauso wie für Verwaltung und Kreistag. Eine eigene Bildungsabteilung gibt es nicht. Drei Schwerpunktthemen bilden vielmehr den Rahmen, in dem die jeweils zuständigen Fachdienste gemeinsam Lösungen erarbeiten – aufbauend auf dem, was im Kreis bereits vorhanden ist.',
        'Wo man im Landkreis lernen kann – von der Kita über Schulen bis zu Volkshochschule und Weiterbildungsanbietern –, zeigt eine interaktive Online-Karte, für die das Bildungsmanagement sämtliche Lernorte zusammengetragen hat. Ergänzend liefert das Bildungsmonitoring aufbereitete Kennzahlen, auf die sich Kreistag, Ausschüsse und Fachdienste bei ihren Entscheidungen stützen können.',
        'Im Schwerpunkt „Ausbildung und Fachkräftesicherung“ entwickeln das Bildungsbüro und der Fachdienst Kommunaler Arbeitsmarkt, der auch die regionale OloV-Koordination verantwortet, gemeinsame Strategien. Die Ausgangslage ist bemerkenswert: Die Wirtschaft entwickelt sich gut, Arbeitslosigkeit und Grundsicherungsbezug liegen auf sehr niedrigem Niveau – und dennoch fehlen vielen Betrieben Auszubildende. Die Region versteht sich seit jeher als Ausbildungsregion und will das bleiben.',
        'Darauf antwortet der Kreis mit mehreren Bausteinen. Seit ein neu eingestellter Azubi-Manager im Team ist, haben Betriebe und Jugendliche eine feste Ansprechperson. Mit der Marke „Azubi-Region“ macht der Landkreis über seine Grenzen hinaus auf sich aufmerksam – gezielt dort, wo Ausbildungsplätze knapp sind. Und damit ein Umzug nicht am Geld oder am fehlenden Anschluss scheitert, gibt es den „pings Azubikampus“ mit bezahlbaren Zimmern und pädagogischer Begleitung, der sehr gut angenommen wird. Fachlich beraten wird der Kreis dabei seit 2016 von der Transferagentur Hessen.',
      ],
      yearStarted: 2016,
      partners:
        'Fachdienst Kommunaler Arbeitsmarkt, OloV-Steuerungsgruppe, Agentur für Arbeit, Kammern, Ausbildungsbetriebe, Träger des Azubi-Wohnens, Transferagentur Hessen',
      successFactors:
        'Enge Zusammenarbeit von Bildungsbüro und Fachdienst Kommunaler Arbeitsmarkt\nEigene Personalstelle für die Azubi-Gewinnung\nÜberregionale Werbung mit klarer Marke\nBezahlbares Wohnen mit pädagogischer Begleitung\nTransparenz durch die interaktive Lernorte-Karte',
    },
    {
      slug: 'elbe-elster-kommunaler-steuerungskreis',
      title: 'Elbe-Elster: Ansprechpartner Bildung in jeder Kommune',
      lead: 'Im Landkreis Elbe-Elster laufen die Fäden des Bildungsmanagements in einem kommunalen Steuerungskreis zusammen. Jede kreisangehörige Kommune benennt eine feste Ansprechperson für Bildung. So erreichen Projekte schneller die Orte, an denen sie gebraucht werden, und die Bildungsberatung findet Räume vor Ort.',
      municipality: 'landkreis-elbe-elster',
      fieldsOfAction: [
        'bildungsmanagement',
        'netzwerke-und-kooperationen',
        'bildungsberatung',
        'bildungsmonitoring',
        'fachkraeftesicherung',
        'fruehkindliche-bildung-und-ganztag',
        'familienbildung',
      ],
      kindsOfOffer: ['strukturloesung', 'instrument-angebot'],
      contact: {
        role: 'Bildungsbüro des Landkreises',
        email: 'bildungsbuero@elbe-elster.example',
      },
      website: 'https://www.lkee.de',
      quote: {
        text: 'Ein kurzer Draht ins Rathaus ist oft mehr wert als das beste Konzeptpapier. Unsere Ansprechpartner Bildung sorgen dafür, dass gute Ideen auch in der kleinsten Gemeinde ankommen.',
        role: 'Bildungsbüro Landkreis Elbe-Elster',
      },
      body: [
        'Bevor der Landkreis am Bundesprogramm „Lernen vor Ort“ teilnahm, konzentrierte sich seine Bildungsarbeit stark auf den Übergang von der Schule in die Wirtschaft. Daneben gab es zahlreiche Einzelinitiativen, von denen die Beteiligten oft wenig voneinander wussten – ein Gesamtbild fehlte. Mit dem Programm kam zusätzliches Personal für Management, Übergänge und Monitoring ins Bildungsbüro, und erstmals entstanden Arbeitsstrukturen, die Ressort- und Dezernatsgrenzen überspannen.',
        'Zentrales Gremium ist der kommunale Steuerungskreis. Hier werden Projekte verabredet, Erfahrungen aus den Städten und Gemeinden ausgewertet und die Ansprechpartner Bildung benannt. Wie wirksam das ist, zeigte die Initiative „Haus der kleinen Forscher“: Über die kommunalen Ansprechpersonen machten innerhalb von neun Monaten rund 60 Prozent der 101 Kitas im Kreis mit. Auf ähnlichem Weg entstanden ein Beispielkatalog zur Familienbildung und Bildungspatenschaften für Kinder und Jugendliche mit Migrationsgeschichte.',
        'Auch die Bildungsberatung ist im Steuerungskreis verankert. Die Kommunen stellen den Beraterinnen und Beratern vor Ort Arbeitsplatz, Technik und Telefon zur Verfügung; die Ansprechpartner Bildung vermitteln Ratsuchende und erstellen Zielgruppenanalysen für ihre Gemeinde. So kommt die Beratung zu den Menschen, statt dass diese weite Wege auf sich nehmen müssen.',
        'Eines der ersten greifbaren Ergebnisse war eine Fachkräftebedarfsanalyse, für die regionale Unternehmen nach Branchen gestaffelt zu Personalbedarf, Weiterbildung, Ausbildung und Berufsorientierung befragt wurden. Auf der siebten Bildungskonferenz unter dem Leitgedanken „Auf dem Weg zur kommunalen Bildungslandschaft Elbe-Elster“ diskutierten schließlich erstmals Kita-Fachkräfte, Grundschullehrkräfte, Schulaufsicht, Verwaltung und Wirtschaft gemeinsam über Lösungen für den Landkreis.',
      ],
      partners:
        'Kreisangehörige Städte, Ämter und Gemeinden, Staatliches Schulamt, Kindertagesstätten und ihre Träger, Schulen, Bildungsträger, Elternvertretungen, regionale Unternehmen',
      successFactors:
        'Kommunaler Steuerungskreis als ressortübergreifendes Gremium\nFeste Ansprechpartner Bildung in allen kreisangehörigen Kommunen\nZusätzliches Personal für Management, Übergänge und Monitoring\nFachkräftebedarfsanalyse als gemeinsame Datengrundlage\nBildungskonferenz als Forum für alle Bildungsphasen',
    },
    {
      slug: 'stade-bildung-im-strukturwandel',
      title: 'Stade: Bildung im Strukturwandel – Fachkräfte für die Industrie von morgen',
      lead: 'Der Landkreis Stade stellt sich auf einen tiefgreifenden Wandel seiner Industrie ein. Im Projekt Bildungskommune ermittelt das Bildungsmanagement den künftigen Fachkräftebedarf, bringt Schulen, Betriebe und Kammern zusammen und erprobt neue Wege – von Qualifizierungen für die Wasserstoffwirtschaft bis zum Quereinstieg in Mangelberufe.',
      municipality: 'landkreis-stade',
      fieldsOfAction: [
        'bildung-im-strukturwandel',
        'fachkraeftesicherung',
        'bildungsmonitoring',
        'netzwerke-und-kooperationen',
        'fruehkindliche-bildung-und-ganztag',
        'weiterbildung-und-lebenslanges-lernen',
      ],
      kindsOfOffer: ['strukturloesung', 'instrument-angebot'],
      contact: {
        role: 'Bildungsbüro, Bildungsmanagement Strukturwandel',
        email: 'bildungsbuero@stade.example',
      },
      website: 'https://www.landkreis-stade.de',
      quote: {
        text: 'Wenn sich die Industrie neu erfindet, muss sich Bildung mitbewegen. Wir wollen, dass die Fachkräfte für neue Technologien hier in der Region ausgebildet werden – und hier auch bleiben.',
        role: 'Bildungsmanagement Bildung im Strukturwandel, Landkreis Stade',
      },
      body: [
        'Mit seiner Bildungsstrategie verfolgt der Landkreis Stade ein ehrgeiziges Ziel: Er möchte zu den ersten Adressen für Bildung in der Metropolregion Hamburg gehören – ein Anspruch, von dem Familien ebenso profitieren sollen wie Betriebe, die Personal suchen. Mit dem Projekt Bildungskommune wird dieser Anspruch in konkrete Arbeitspakete gegossen. Ein Schwerpunkt ist die Frage, wie sich Fachkräfte sichern lassen, während sich die industrielle Basis der Region grundlegend verändert.',
        'Am Anfang steht eine verlässliche Datengrundlage. Das Bildungsmanagement erhebt, welche Fachkräfte heute vorhanden sind und welche künftig gebraucht werden, und entwickelt ein Bildungsmonitoring, das über Jahre hinweg anhand fester Kennzahlen zeigt, wie sich die Lage verändert. Welche Gruppen an der Planung mitwirken sollten, ermittelt eine Stakeholderanalyse. Sie ist zugleich Ausgangspunkt für Veranstaltungen und Netzwerke, die auf die jeweiligen Beteiligten zugeschnitten sind.',
        'Die praktische Arbeit reicht von der Beratung von Schulen und Ausbildungsbetrieben über Fachveranstaltungen zum industriellen Wandel – insbesondere zur entstehenden Wasserstoffwirtschaft – bis zu gemeinsam entwickelten Handlungskonzepten. Besonderes Augenmerk gilt Modellen, mit denen Erwachsene aus anderen Berufen gut vorbereitet in Engpassberufe wechseln können.',
        'Fachkräftesicherung endet nicht am Werkstor. Damit Familien in der Region bleiben oder zuziehen, braucht es verlässliche Kinderbetreuung und Ganztagsangebote – und dafür Erzieherinnen, Erzieher und weiteres pädagogisches Personal. Ein eigenes Bildungsmanagement für den Ganztag kümmert sich deshalb um die Gewinnung frühpädagogischer Fachkräfte.',
        'Getragen wird die Arbeit von der Überzeugung, dass Fachkräftesicherung eine Gemeinschaftsaufgabe ist. Schulen, Betriebe, Schul- und Bildungsträger, Arbeitgeber- und Arbeitnehmerorganisationen sowie Kammern ziehen an einem Strang, damit der Landkreis für Fachkräfte erste Wahl bleibt.',
      ],
      partners:
        'Allgemeinbildende und berufsbildende Schulen, Ausbildungsbetriebe der Industrie, Schul- und Bildungsträger, Arbeitgeber- und Arbeitnehmerorganisationen, Kammern, Kita-Träger',
      successFactors:
        'Bestands- und Bedarfserhebung als gemeinsame Datengrundlage\nStakeholderanalyse vor Beginn der Planung\nFachveranstaltungen zu konkreten Zukunftsthemen wie Wasserstoff\nOffenheit für qualifizierten Quereinstieg\nVerknüpfung von Fachkräftesicherung und Ganztagsausbau',
    },
  ],

  // ---------------------------------------------------------------------------------------------
  // Angebote
  // ---------------------------------------------------------------------------------------------
  offers: [
    // --- Ausbildungsplätze ------------------------------------------------------------------
    {
      slug: 'ausbildung-tischler-achim',
      title: 'Ausbildung zur Tischlerin / zum Tischler',
      offerType: 'ausbildungsplatz',
      summary:
        'Möbel, Küchen und Innenausbau nach Maß: In unserer kleinen Werkstatt in Achim lernst du alles vom ersten Entwurf am Rechner bis zur Montage beim Kunden. Drei Jahre Ausbildung, feste Ansprechperson, Übernahme erwünscht.',
      description: [
        'Bei uns arbeitest du vom ersten Tag an an echten Aufträgen mit: Du planst Werkstücke, bedienst unsere Maschinen und die CNC-Fräse unter Anleitung und bist bei Montagen in Privathäusern und Praxen dabei. Die Berufsschule besuchst du in Verden.',
        'Du bringst handwerkliches Geschick, räumliches Vorstellungsvermögen und Freude an Teamarbeit mit. Ein Schulpraktikum bei uns ist ausdrücklich erwünscht, aber keine Voraussetzung.',
      ],
      organisation: 'tischlerei-brandt',
      occupation: 'Tischler/in',
      occupationCode: '22342',
      location: { street: 'Am Sandberg 14', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: 168,
      places: 1,
      requiredSchoolQualification: 'erster-schulabschluss',
      applicationDeadline: 95,
      applyUrl: 'https://www.tischlerei-brandt.example/ausbildung',
      contact: {
        name: 'Jens Brandt',
        role: 'Inhaber und Ausbilder',
        email: 'ausbildung@tischlerei-brandt.example',
      },
      validUntil: 120,
      fieldsOfAction: ['fachkraeftesicherung', 'uebergangsmanagement-schule-beruf'],
      targetGroups: ['schulabgaenger', 'schueler'],
    },
    {
      slug: 'ausbildung-elektroniker-energie-und-gebaeudetechnik',
      title: 'Ausbildung Elektronikerin / Elektroniker für Energie- und Gebäudetechnik',
      offerType: 'ausbildungsplatz',
      summary:
        'Photovoltaik, Wärmepumpen, smarte Haustechnik: Werde Teil der Energiewende vor Ort. Wir bilden in Verden zwei Elektronikerinnen oder Elektroniker aus – mit eigenem Werkzeugkoffer und Unterstützung bei der Prüfungsvorbereitung.',
      description: [
        'In dreieinhalb Jahren lernst du, elektrische Anlagen in Wohn- und Gewerbegebäuden zu planen, zu installieren und zu prüfen. Dazu gehören auch Photovoltaikanlagen, Ladestationen für Elektroautos und vernetzte Gebäudetechnik.',
        'Unsere Gesellinnen und Gesellen begleiten dich auf den Baustellen, und einmal im Monat nimmt sich die Ausbildungsleitung Zeit für ein Feedbackgespräch. Gute Leistungen in Mathematik und Physik helfen dir, wichtiger sind uns aber Zuverlässigkeit und Neugier.',
      ],
      organisation: 'elektro-hollmann',
      occupation: 'Elektroniker/in für Energie- und Gebäudetechnik',
      occupationCode: '26212',
      location: { street: 'Hansestraße 9', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 168,
      places: 2,
      requiredSchoolQualification: 'erster-schulabschluss',
      applicationDeadline: 100,
      applyUrl: 'https://www.elektro-hollmann.example/karriere/ausbildung',
      contact: {
        name: 'Sabine Hollmann',
        role: 'Geschäftsführung und Ausbildungsleitung',
        email: 's.hollmann@elektro-hollmann.example',
      },
      validUntil: 130,
      fieldsOfAction: ['fachkraeftesicherung', 'bildung-im-strukturwandel'],
      targetGroups: ['schulabgaenger', 'schueler'],
    },
    {
      slug: 'ausbildung-pflegefachfrau-pflegefachmann',
      title: 'Ausbildung Pflegefachfrau / Pflegefachmann',
      offerType: 'ausbildungsplatz',
      summary:
        'Die generalistische Pflegeausbildung öffnet dir alle Türen – von der ambulanten Pflege über das Krankenhaus bis zur Kinderkrankenpflege. Unser ambulanter Dienst in Verden bietet drei Plätze, auch für Quereinsteigende.',
      description: [
        'Du begleitest Menschen in ihrem Zuhause, übernimmst Schritt für Schritt pflegerische und medizinische Aufgaben und lernst in Praxiseinsätzen auch Klinik, stationäre Langzeitpflege und Pädiatrie kennen. Der theoretische Unterricht findet an einer Pflegeschule in der Region statt.',
        'Für die Touren stellen wir dir ein Dienstfahrzeug; den Führerschein kannst du auch während der Ausbildung erwerben, wir unterstützen dich dabei. Bewerbungen von Menschen mit Berufserfahrung in anderen Bereichen und von Neuzugewanderten mit guten Deutschkenntnissen sind ausdrücklich willkommen.',
      ],
      organisation: 'pflegedienst-allertal',
      occupation: 'Pflegefachfrau/Pflegefachmann',
      occupationCode: '81302',
      location: { street: 'Grüne Straße 31', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 199,
      places: 3,
      requiredSchoolQualification: 'mittlerer-schulabschluss',
      applicationDeadline: 140,
      applyUrl: 'https://www.pflegedienst-allertal.example/ausbildung',
      contact: {
        name: 'Tobias Kück',
        role: 'Pflegedienstleitung',
        email: 'bewerbung@pflegedienst-allertal.example',
      },
      validUntil: 170,
      fieldsOfAction: ['fachkraeftesicherung', 'integration-neuzugewanderter'],
      targetGroups: ['schulabgaenger', 'quereinsteiger', 'neuzugewanderte'],
    },
    {
      slug: 'ausbildung-fachkraft-fuer-lagerlogistik',
      title: 'Ausbildung Fachkraft für Lagerlogistik',
      offerType: 'ausbildungsplatz',
      summary:
        'Vom Wareneingang bis zum Versand: In unserem Logistikzentrum in Achim sorgst du dafür, dass täglich tausende Sendungen ihr Ziel erreichen. Vier Ausbildungsplätze, Staplerschein inklusive.',
      description: [
        'Du lernst, Waren anzunehmen und zu prüfen, Lagerplätze zu planen, Aufträge zu kommissionieren und Sendungen versandfertig zu machen. Dabei arbeitest du mit Scannern, Lagerverwaltungssoftware und Flurförderzeugen; den Staplerschein machst du bei uns im ersten Ausbildungsjahr.',
        'Nach drei Jahren bist du Fachkraft für Lagerlogistik. Mit guten Leistungen kannst du dich anschließend zur Fachwirtin oder zum Fachwirt weiterbilden – wir fördern das.',
      ],
      organisation: 'weserland-logistik',
      occupation: 'Fachkraft für Lagerlogistik',
      occupationCode: '51312',
      location: { street: 'Logistikring 4', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: 168,
      places: 4,
      requiredSchoolQualification: 'erster-schulabschluss',
      applicationDeadline: 110,
      applyUrl: 'https://karriere.weserland-logistik.example/ausbildung/lagerlogistik',
      contact: {
        name: 'Aylin Demir',
        role: 'Personalreferentin Ausbildung',
        email: 'ausbildung@weserland-logistik.example',
      },
      validUntil: 150,
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['schulabgaenger', 'neuzugewanderte'],
    },
    {
      slug: 'ausbildung-berufskraftfahrer',
      title: 'Ausbildung Berufskraftfahrerin / Berufskraftfahrer',
      offerType: 'ausbildungsplatz',
      summary:
        'Den Lkw-Führerschein bezahlen wir: In drei Jahren wirst du bei uns zur Berufskraftfahrerin oder zum Berufskraftfahrer ausgebildet. Regionale Touren, feste Arbeitszeiten und abends zu Hause.',
      description: [
        'Du lernst, Fahrzeuge sicher zu führen, Ladung richtig zu sichern, Touren zu planen und Fahrzeuge zu warten. Die Fahrerlaubnis der Klassen C und CE erwirbst du während der Ausbildung auf unsere Kosten.',
        'Unsere Touren führen überwiegend in den Raum Bremen und Niedersachsen – Übernachtungen im Fahrzeug gibt es bei uns nicht. Voraussetzung ist ein Mindestalter von 17 Jahren bei Ausbildungsbeginn.',
      ],
      organisation: 'weserland-logistik',
      occupation: 'Berufskraftfahrer/in',
      occupationCode: '52122',
      location: { street: 'Logistikring 4', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: 168,
      places: 2,
      requiredSchoolQualification: 'erster-schulabschluss',
      applicationDeadline: 110,
      applyUrl: 'https://karriere.weserland-logistik.example/ausbildung/berufskraftfahrer',
      contact: {
        name: 'Aylin Demir',
        role: 'Personalreferentin Ausbildung',
        email: 'ausbildung@weserland-logistik.example',
      },
      validUntil: 150,
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['schulabgaenger', 'quereinsteiger'],
    },
    {
      slug: 'ausbildung-kaufleute-fuer-bueromanagement',
      title: 'Ausbildung Kauffrau / Kaufmann für Büromanagement',
      offerType: 'ausbildungsplatz',
      summary:
        'Einkauf, Auftragsbearbeitung, Personal und Buchhaltung: Bei einem Lebensmittelhersteller in Verden lernst du alle kaufmännischen Abteilungen kennen. Ein Ausbildungsplatz, Gleitzeit ab dem zweiten Jahr.',
      description: [
        'Während der dreijährigen Ausbildung durchläufst du unsere Abteilungen von der Auftragsannahme über den Einkauf bis zur Personalverwaltung. Du übernimmst früh eigene Aufgaben, etwa die Betreuung kleinerer Kundenkonten oder die Organisation von Besuchen in unserer Produktion.',
        'Wir wünschen uns einen sicheren Umgang mit Sprache und Zahlen sowie Freude an Organisation und Kontakt mit Menschen. Englischkenntnisse sind hilfreich, da wir auch ins europäische Ausland liefern.',
      ],
      organisation: 'allerwiesen-feinkost',
      occupation: 'Kaufmann/-frau für Büromanagement',
      occupationCode: '71402',
      location: { street: 'Industriestraße 18', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 168,
      places: 1,
      requiredSchoolQualification: 'mittlerer-schulabschluss',
      applicationDeadline: 75,
      applyUrl: 'https://www.allerwiesen-feinkost.example/karriere/bueromanagement',
      contact: {
        name: 'Marco Lüdemann',
        role: 'Ausbildungsleiter',
        email: 'karriere@allerwiesen-feinkost.example',
      },
      validUntil: 100,
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['schulabgaenger'],
    },
    {
      slug: 'ausbildung-fachkraft-fuer-lebensmitteltechnik',
      title: 'Ausbildung Fachkraft für Lebensmitteltechnik',
      offerType: 'ausbildungsplatz',
      summary:
        'Feinkostsalate, Dips und Dressings aus der Region: Als Fachkraft für Lebensmitteltechnik steuerst du moderne Produktionsanlagen und achtest auf Hygiene und Qualität. Zwei Plätze in Verden.',
      description: [
        'Du lernst, Rohstoffe zu prüfen, Rezepturen umzusetzen, Produktions- und Abfüllanlagen einzurichten und zu überwachen sowie Qualitätskontrollen durchzuführen. Auch Hygiene- und Lebensmittelrecht gehören dazu.',
        'Die Ausbildung dauert drei Jahre und findet im Schichtbetrieb statt, für Auszubildende unter 18 Jahren selbstverständlich nur in der Frühschicht. Interesse an Technik, Biologie und Chemie ist ein Plus.',
      ],
      organisation: 'allerwiesen-feinkost',
      occupation: 'Fachkraft für Lebensmitteltechnik',
      occupationCode: '29202',
      location: { street: 'Industriestraße 18', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 168,
      places: 2,
      requiredSchoolQualification: 'erster-schulabschluss',
      applicationDeadline: 120,
      applyUrl: 'https://www.allerwiesen-feinkost.example/karriere/lebensmitteltechnik',
      contact: {
        name: 'Marco Lüdemann',
        role: 'Ausbildungsleiter',
        email: 'karriere@allerwiesen-feinkost.example',
      },
      validUntil: 150,
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['schulabgaenger', 'schueler'],
    },

    // --- Praktika ----------------------------------------------------------------------------
    {
      slug: 'praktikum-pflege-schnupperwochen',
      title: 'Schnupperpraktikum in der ambulanten Pflege',
      offerType: 'praktikum',
      summary:
        'Zwei Wochen mit auf Tour: Begleite unsere Pflegekräfte zu Klientinnen und Klienten und finde heraus, ob ein Pflegeberuf zu dir passt. Geeignet für Schülerinnen und Schüler ab Klasse 9 und für Erwachsene, die sich umorientieren.',
      description: [
        'Im Praktikum fährst du mit erfahrenen Pflegefachkräften mit, unterstützt bei einfachen Tätigkeiten und lernst, wie Pflege im häuslichen Umfeld organisiert wird. Zum Abschluss erhältst du eine Bescheinigung und ein Feedbackgespräch.',
      ],
      organisation: 'pflegedienst-allertal',
      occupation: 'Pflegefachfrau/Pflegefachmann',
      occupationCode: '81302',
      location: { street: 'Grüne Straße 31', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 21,
      endDate: 32,
      places: 2,
      applicationDeadline: 10,
      applyUrl: 'https://www.pflegedienst-allertal.example/praktikum',
      contact: {
        name: 'Tobias Kück',
        role: 'Pflegedienstleitung',
        email: 'bewerbung@pflegedienst-allertal.example',
      },
      validUntil: 14,
      fieldsOfAction: ['berufsorientierung', 'fachkraeftesicherung'],
      targetGroups: ['schueler', 'quereinsteiger'],
    },
    {
      slug: 'praktikum-tischlerei-werkstatt',
      title: 'Werkstattpraktikum in der Tischlerei',
      offerType: 'praktikum',
      summary:
        'Zwei Wochen Hobelbank statt Klassenzimmer: Im Praktikum baust du unter Anleitung ein eigenes kleines Möbelstück und lernst den Alltag in einer Handwerkstischlerei kennen.',
      description: [
        'Du arbeitest mit Holz und Holzwerkstoffen, lernst die wichtigsten Maschinen und Handwerkzeuge kennen und begleitest unser Team bei einer Montage. Dein Werkstück darfst du am Ende mit nach Hause nehmen.',
      ],
      organisation: 'tischlerei-brandt',
      occupation: 'Tischler/in',
      occupationCode: '22342',
      location: { street: 'Am Sandberg 14', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: 60,
      endDate: 71,
      places: 1,
      applicationDeadline: 40,
      applyUrl: 'https://www.tischlerei-brandt.example/praktikum',
      validUntil: 50,
      fieldsOfAction: ['berufsorientierung'],
      targetGroups: ['schueler'],
    },
    {
      slug: 'praktikum-elektrotechnik-schuelerpraktikum',
      title: 'Schülerpraktikum Elektrotechnik',
      offerType: 'praktikum',
      summary:
        'Kabel verlegen, Schaltungen verstehen, Solaranlagen erleben: Zwei Schülerinnen oder Schüler können bei uns ein zweiwöchiges Betriebspraktikum absolvieren und echte Baustellen kennenlernen.',
      description: [
        'Du begleitest unsere Monteurinnen und Monteure, hilfst bei Installationen und lernst, worauf es bei der Sicherheit im Umgang mit Strom ankommt. Arbeitskleidung und Schutzausrüstung stellen wir.',
      ],
      organisation: 'elektro-hollmann',
      occupation: 'Elektroniker/in für Energie- und Gebäudetechnik',
      occupationCode: '26212',
      location: { street: 'Hansestraße 9', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 35,
      endDate: 46,
      places: 2,
      applicationDeadline: 20,
      applyUrl: 'https://www.elektro-hollmann.example/karriere/praktikum',
      validUntil: 30,
      fieldsOfAction: ['berufsorientierung'],
      targetGroups: ['schueler'],
    },
    {
      slug: 'expired-praktikum-sommer',
      title: 'Sommerpraktikum im Logistikzentrum',
      offerType: 'praktikum',
      summary:
        'Vier Wochen Einblick in Wareneingang, Kommissionierung und Versand. Dieses Angebot ist abgelaufen und dient als Beispiel dafür, dass Angebote nach ihrem Ablaufdatum automatisch ausgeblendet werden.',
      description: [
        'Im Sommerpraktikum lernten Schülerinnen und Schüler die Abläufe in einem großen Logistikzentrum kennen und konnten in die Ausbildungsberufe Fachkraft für Lagerlogistik und Berufskraftfahrer hineinschnuppern.',
      ],
      organisation: 'weserland-logistik',
      occupation: 'Fachkraft für Lagerlogistik',
      occupationCode: '51312',
      location: { street: 'Logistikring 4', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: -60,
      endDate: -30,
      places: 3,
      applicationDeadline: -80,
      applyUrl: 'https://karriere.weserland-logistik.example/praktikum',
      validUntil: -10,
      fieldsOfAction: ['berufsorientierung'],
      targetGroups: ['schueler'],
    },

    // --- Duales Studium ----------------------------------------------------------------------
    {
      slug: 'duales-studium-logistikmanagement',
      title: 'Duales Studium Logistikmanagement (B. A.)',
      offerType: 'duales-studium',
      summary:
        'Theorie an der Hochschule, Praxis im Logistikzentrum: Im dualen Bachelorstudium lernst du, Lieferketten zu planen, Prozesse zu optimieren und Teams zu führen. Wir übernehmen die Studiengebühren und zahlen eine monatliche Vergütung.',
      description: [
        'Das Studium dauert sieben Semester und wechselt zwischen Theoriephasen an einer Partnerhochschule in Norddeutschland und Praxisphasen in unseren Abteilungen Disposition, Lagerplanung und Kundenservice.',
        'Nach dem Abschluss bieten wir dir eine Einstiegsposition mit Verantwortung, zum Beispiel in der Standortplanung oder im Projektmanagement.',
      ],
      organisation: 'weserland-logistik',
      occupation: 'Logistikmanagement (Bachelor of Arts)',
      occupationCode: '51624',
      location: { street: 'Logistikring 4', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: 199,
      places: 1,
      requiredSchoolQualification: 'fachhochschulreife',
      applicationDeadline: 90,
      applyUrl: 'https://karriere.weserland-logistik.example/duales-studium',
      contact: {
        name: 'Aylin Demir',
        role: 'Personalreferentin Ausbildung',
        email: 'ausbildung@weserland-logistik.example',
      },
      validUntil: 120,
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['studieninteressierte', 'schulabgaenger'],
    },
    {
      slug: 'duales-studium-lebensmitteltechnologie',
      title: 'Duales Studium Lebensmitteltechnologie (B. Sc.)',
      offerType: 'duales-studium',
      summary:
        'Entwickle die Feinkost von morgen: Im dualen Studium verbindest du Lebensmittelchemie, Verfahrenstechnik und Qualitätsmanagement mit der Arbeit in unserer Produktentwicklung in Verden.',
      description: [
        'In den Praxisphasen arbeitest du in Produktentwicklung, Qualitätssicherung und Produktion mit und übernimmst eigene Projekte, etwa die Entwicklung einer neuen Rezeptur. Die Theoriephasen absolvierst du an einer Partnerhochschule.',
      ],
      organisation: 'allerwiesen-feinkost',
      occupation: 'Lebensmitteltechnologie (Bachelor of Science)',
      occupationCode: '29204',
      location: { street: 'Industriestraße 18', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 199,
      places: 1,
      requiredSchoolQualification: 'abitur',
      applicationDeadline: 100,
      applyUrl: 'https://www.allerwiesen-feinkost.example/karriere/duales-studium',
      validUntil: 130,
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['studieninteressierte'],
    },

    // --- Ferienjobs --------------------------------------------------------------------------
    {
      slug: 'ferienjob-kommissionierung-sommerferien',
      title: 'Ferienjob in der Kommissionierung',
      offerType: 'ferienjob',
      summary:
        'Taschengeld aufbessern und ein Logistikzentrum von innen kennenlernen: In den Sommerferien suchen wir Aushilfen ab 16 Jahren für leichte Kommissionier- und Verpackungsarbeiten. Einsatz nur tagsüber.',
      description: [
        'Du stellst nach Auftrag Waren zusammen, verpackst sie und bereitest sie für den Versand vor. Eine Einweisung und Sicherheitsschuhe erhältst du am ersten Tag. Die Arbeitszeiten richten sich nach dem Jugendarbeitsschutzgesetz.',
      ],
      organisation: 'weserland-logistik',
      occupation: 'Aushilfe Kommissionierung',
      occupationCode: '51311',
      location: { street: 'Logistikring 4', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: 95,
      endDate: 130,
      places: 6,
      applicationDeadline: 60,
      applyUrl: 'https://karriere.weserland-logistik.example/ferienjob',
      validUntil: 80,
      fieldsOfAction: ['berufsorientierung'],
      targetGroups: ['schueler', 'studieninteressierte'],
    },
    {
      slug: 'ferienjob-produktionshilfe-feinkost',
      title: 'Ferienjob als Produktionshilfe',
      offerType: 'ferienjob',
      summary:
        'Drei Wochen mitanpacken in der Lebensmittelproduktion: Du unterstützt beim Abfüllen, Etikettieren und Verpacken. Für Schülerinnen, Schüler und Studierende ab 16 Jahren, Einsatz in der Frühschicht.',
      description: [
        'Nach einer Hygieneschulung arbeitest du an unseren Verpackungslinien mit. Wer Interesse an einer Ausbildung zur Fachkraft für Lebensmitteltechnik hat, kann sich im Anschluss direkt mit unserem Ausbildungsleiter austauschen.',
      ],
      organisation: 'allerwiesen-feinkost',
      occupation: 'Produktionshelfer/in Lebensmittel',
      occupationCode: '29201',
      location: { street: 'Industriestraße 18', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 100,
      endDate: 121,
      places: 4,
      applicationDeadline: 65,
      applyUrl: 'https://www.allerwiesen-feinkost.example/karriere/ferienjob',
      validUntil: 85,
      fieldsOfAction: ['berufsorientierung'],
      targetGroups: ['schueler', 'studieninteressierte'],
    },

    // --- Veranstaltungen ---------------------------------------------------------------------
    {
      slug: 'azubi-speed-dating',
      title: 'Azubi-Speed-Dating',
      offerType: 'veranstaltung',
      summary:
        'Zehn Minuten, ein Gespräch, vielleicht der Ausbildungsplatz: Beim Azubi-Speed-Dating treffen Jugendliche auf Ausbildungsbetriebe aus dem Landkreis – ohne Bewerbungsmappe, dafür mit persönlichem Eindruck.',
      description: [
        'Betriebe aus Handwerk, Industrie, Handel, Pflege und Verwaltung stellen sich an Tischen vor. Jugendliche wechseln im Zehn-Minuten-Takt von Gespräch zu Gespräch und können so an einem Nachmittag mehrere Betriebe kennenlernen. Ein Lebenslauf zum Mitgeben ist hilfreich.',
        'Betriebe, die mit einem eigenen Tisch teilnehmen möchten, melden sich bis zum Anmeldeschluss beim Bildungsbüro an. Für Jugendliche ist die Teilnahme ohne Anmeldung möglich.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { street: 'Bahnhofstraße 22', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'landkreis-verden',
      startDate: 45,
      endDate: 45,
      places: 150,
      applicationDeadline: 35,
      applyUrl: 'https://www.bildungsbuero.example/anmeldung/azubi-speed-dating',
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
      validUntil: 45,
      fieldsOfAction: ['uebergangsmanagement-schule-beruf', 'fachkraeftesicherung'],
      targetGroups: ['schulabgaenger', 'schueler', 'arbeitgeber'],
    },
    {
      slug: 'azubi-knigge',
      title: 'Azubi-Knigge: sicher starten in die Ausbildung',
      offerType: 'veranstaltung',
      summary:
        'Wie begrüße ich Kundschaft, was gehört aufs Diensthandy und wie sage ich, dass ich etwas nicht verstanden habe? Der eintägige Azubi-Knigge bereitet auf die ersten Wochen im Betrieb vor.',
      description: [
        'In kleinen Gruppen üben die Teilnehmenden Umgangsformen im Betrieb, den Auftritt am Telefon und gegenüber Kundschaft sowie den Umgang mit Kritik. Rollenspiele und Tipps von Auszubildenden aus dem zweiten Lehrjahr machen den Tag praxisnah.',
        'Das Angebot richtet sich an Jugendliche, die eine Ausbildung beginnen oder gerade begonnen haben. Betriebe können ihre neuen Auszubildenden direkt anmelden.',
      ],
      organisation: 'bildungswerk-aller-weser',
      location: { street: 'Bahnhofstraße 22', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: 28,
      endDate: 28,
      places: 20,
      applicationDeadline: 21,
      applyUrl: 'https://www.bildungswerk-aller-weser.example/azubi-knigge',
      contact: {
        name: 'Nadine Wöhlke',
        role: 'Bereichsleitung Berufsorientierung',
        email: 'info@bildungswerk-aller-weser.example',
      },
      validUntil: 28,
      fieldsOfAction: ['uebergangsmanagement-schule-beruf', 'berufsorientierung'],
      targetGroups: ['auszubildende', 'schulabgaenger', 'ausbilder'],
    },
    {
      slug: 'bau-auf-mint',
      title: 'Bau auf MINT – drei Tage Technik zum Anfassen',
      offerType: 'veranstaltung',
      summary:
        'Mauern, messen, verkabeln, programmieren: Bei „Bau auf MINT“ probieren Schülerinnen und Schüler der Klassen 8 bis 10 drei Tage lang Berufe aus Bau, Handwerk und Technik aus – angeleitet von Fachleuten aus regionalen Betrieben.',
      description: [
        'An wechselnden Stationen bauen die Jugendlichen gemeinsam ein kleines Modellhaus: Sie planen und vermessen, errichten Wände, verlegen Leitungen und steuern die Beleuchtung per Mikrocontroller. So erleben sie, wie Mathematik, Informatik, Naturwissenschaften und Technik im Berufsalltag zusammenspielen.',
        'Lehrkräfte können ihre Klassen oder einzelne interessierte Schülerinnen und Schüler anmelden. Die Teilnahme ist kostenfrei.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { street: 'Bahnhofstraße 22', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'landkreis-verden',
      startDate: 70,
      endDate: 72,
      places: 24,
      applicationDeadline: 50,
      applyUrl: 'https://www.bildungsbuero.example/anmeldung/bau-auf-mint',
      validUntil: 70,
      fieldsOfAction: ['berufsorientierung', 'fachkraeftesicherung'],
      targetGroups: ['schueler', 'lehrkraefte'],
    },
    {
      slug: 'ausbildungsplatzboerse',
      title: 'Regionale Ausbildungsplatzbörse',
      offerType: 'veranstaltung',
      summary:
        'Ausbildungsbetriebe, Schulen und Beratungsstellen an einem Ort: Die Ausbildungsplatzbörse zeigt, welche Ausbildungs- und Studienmöglichkeiten es im Landkreis Verden gibt. Eintritt frei, Eltern sind herzlich willkommen.',
      description: [
        'Auszubildende aus den Betrieben stehen Rede und Antwort, die Berufsberatung der Agentur für Arbeit und die Bildungsberatung des Landkreises beraten vor Ort, und ein Bewerbungsmappen-Check hilft beim letzten Schliff.',
        'Betriebe, die sich als Aussteller beteiligen möchten, wenden sich an das Bildungsbüro.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'landkreis-verden',
      startDate: 110,
      endDate: 110,
      applyUrl: 'https://www.bildungsbuero.example/ausbildungsplatzboerse',
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
      validUntil: 110,
      fieldsOfAction: [
        'berufsorientierung',
        'uebergangsmanagement-schule-beruf',
        'fachkraeftesicherung',
      ],
      targetGroups: ['schueler', 'schulabgaenger', 'eltern', 'studieninteressierte', 'arbeitgeber'],
    },
    {
      slug: 'ausbilderstammtisch',
      title: 'Ausbilderstammtisch: Generation Z verstehen und begleiten',
      offerType: 'veranstaltung',
      summary:
        'Austausch unter Ausbildenden: Beim nächsten Stammtisch geht es darum, wie Betriebe junge Auszubildende motivieren, Feedback geben und Ausbildungsabbrüche verhindern. Gastgeber ist eine Tischlerei in Achim.',
      description: [
        'Nach einem kurzen Impuls aus der Praxis tauschen sich Ausbilderinnen und Ausbilder in lockerer Runde aus: Was funktioniert bei uns, wo hakt es, welche Unterstützung gibt es? Der Stammtisch ist offen für alle Betriebe im Landkreis – unabhängig von Branche und Größe.',
        'Eine kurze Anmeldung hilft bei der Planung.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { street: 'Am Sandberg 14', postalCode: '28832', city: 'Achim' },
      municipality: 'stadt-achim',
      startDate: 35,
      endDate: 35,
      places: 25,
      applicationDeadline: 30,
      applyUrl: 'https://www.bildungsbuero.example/anmeldung/ausbilderstammtisch',
      validUntil: 35,
      fieldsOfAction: ['fachkraeftesicherung', 'netzwerke-und-kooperationen'],
      targetGroups: ['ausbilder', 'arbeitgeber'],
    },
    {
      slug: 'vergangener-ausbilderstammtisch',
      title: 'Ausbilderstammtisch: Azubis digital gewinnen',
      offerType: 'veranstaltung',
      summary:
        'Beim vergangenen Stammtisch ging es darum, wie kleine Betriebe soziale Medien und Ausbildungsportale nutzen können, um Jugendliche zu erreichen. Gastgeber war ein Elektrobetrieb in Verden.',
      description: [
        'Ausbildende aus zwölf Betrieben tauschten Erfahrungen mit Kurzvideos, Karriereseiten und dem regionalen Ausbildungsportal aus. Die Ergebnisse fließen in die nächsten Angebote der Fachkräfteoffensive ein.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { street: 'Hansestraße 9', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      startDate: -20,
      endDate: -20,
      places: 25,
      fieldsOfAction: ['fachkraeftesicherung', 'netzwerke-und-kooperationen'],
      targetGroups: ['ausbilder', 'arbeitgeber'],
    },
    {
      slug: 'bildungs-und-fachkraeftekonferenz',
      title: 'Bildungs- und Fachkräftekonferenz des Landkreises Verden',
      offerType: 'veranstaltung',
      summary:
        'Einmal im Jahr diskutieren Schulen, Betriebe, Kammern, Verwaltung und Politik, wie der Landkreis Fachkräfte gewinnt und hält. Schwerpunkt in diesem Jahr: Ausbildung in kleinen Betrieben – Bindung von Anfang an.',
      description: [
        'Nach einem Überblick über aktuelle Zahlen aus dem Fachkräftemonitoring erarbeiten die Teilnehmenden in Workshops Vorschläge, etwa zur Einarbeitung von Auszubildenden, zur Zusammenarbeit von Schulen und Betrieben oder zur Gewinnung von Quereinsteigenden.',
        'Die Ergebnisse werden dokumentiert und im Bildungsverbund Schule-Beruf sowie in der Lenkungsgruppe der Fachkräfteoffensive weiterberaten. Die Teilnahme ist kostenfrei, eine Anmeldung ist erforderlich.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { street: 'Lindhooper Straße 67', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'landkreis-verden',
      startDate: 150,
      endDate: 150,
      places: 150,
      applicationDeadline: 135,
      applyUrl: 'https://www.bildungsbuero.example/anmeldung/konferenz',
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
      validUntil: 150,
      fieldsOfAction: ['bildungsmanagement', 'netzwerke-und-kooperationen', 'fachkraeftesicherung'],
      targetGroups: ['arbeitgeber', 'ausbilder', 'lehrkraefte'],
    },
    {
      slug: 'workshop-selbstcheck-arbeitgeberattraktivitaet',
      title: 'Workshop: Ergebnisse des Selbstchecks Arbeitgeberattraktivität umsetzen',
      offerType: 'veranstaltung',
      summary:
        'Sie haben den Selbstcheck ausgefüllt – und jetzt? Im dreistündigen Workshop übersetzen Inhaberinnen, Inhaber und Personalverantwortliche ihre Ergebnisse in einen konkreten Maßnahmenplan für die nächsten zwölf Monate.',
      description: [
        'Anhand der eigenen Ergebnisse wählen die Teilnehmenden zwei bis drei Handlungsfelder aus und planen erste Schritte, die sich ohne großen Aufwand umsetzen lassen. Beispiele aus Betrieben der Region zeigen, was in der Praxis funktioniert.',
        'Der Workshop richtet sich an kleine und mittlere Betriebe. Wer den Selbstcheck noch nicht ausgefüllt hat, kann das vorab in rund 15 Minuten nachholen.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { street: 'Lindhooper Straße 67', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'landkreis-verden',
      startDate: 55,
      endDate: 55,
      places: 16,
      applicationDeadline: 48,
      applyUrl: 'https://www.bildungsbuero.example/anmeldung/workshop-selbstcheck',
      validUntil: 55,
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['arbeitgeber'],
    },

    // --- Beratung ----------------------------------------------------------------------------
    {
      slug: 'bildungsberatung-landkreis-verden',
      title: 'Bildungsberatung im Landkreis Verden',
      offerType: 'beratung',
      summary:
        'Schulabschluss nachholen, Ausbildung finden, Weiterbildung planen oder einen ausländischen Abschluss anerkennen lassen: Die Bildungsberatung unterstützt kostenfrei, neutral und vertraulich – auf Wunsch auch in Ihrer Gemeinde.',
      description: [
        'Im persönlichen Gespräch klären wir gemeinsam, welche Wege zu Ihren Zielen passen, welche Förderungen infrage kommen und wer Sie weiter unterstützen kann. Die Beratung steht Jugendlichen, Eltern, Erwachsenen im Beruf, Berufsrückkehrenden und Neuzugewanderten offen.',
        'Termine vereinbaren Sie telefonisch oder per E-Mail. Sprechzeiten gibt es in Verden und Achim sowie nach Absprache in den übrigen Gemeinden des Landkreises.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      location: { street: 'Lindhooper Straße 67', postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'landkreis-verden',
      applyUrl: 'https://www.bildungsbuero.example/bildungsberatung',
      contact: {
        name: 'Jana Meyerhoff',
        role: 'Bildungsberatung',
        email: 'bildungsberatung@bildungsbuero.example',
      },
      fieldsOfAction: [
        'bildungsberatung',
        'weiterbildung-und-lebenslanges-lernen',
        'integration-neuzugewanderter',
      ],
      targetGroups: ['schulabgaenger', 'eltern', 'quereinsteiger', 'neuzugewanderte'],
    },
    {
      slug: 'beratung-arbeitgeberattraktivitaet',
      title: 'Beratung für Betriebe: Arbeitgeberattraktivität stärken',
      offerType: 'beratung',
      summary:
        'Die Fachkräfteoffensive berät kleine und mittlere Betriebe kostenfrei dazu, wie sie Auszubildende und Fachkräfte gewinnen und halten – auf Basis des Selbstchecks und mit Blick auf passende Förderprogramme.',
      description: [
        'In einem Gespräch in Ihrem Betrieb gehen wir die Ergebnisse Ihres Selbstchecks durch, sprechen über Ihre Erfahrungen bei der Personalsuche und vereinbaren realistische nächste Schritte. Wir vermitteln Kontakte zu Kammern, Agentur für Arbeit und anderen Betrieben, die ähnliche Fragen bereits gelöst haben.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      municipality: 'landkreis-verden',
      applyUrl: 'https://www.bildungsbuero.example/beratung-betriebe',
      contact: {
        name: 'Katrin Ohlendorf',
        role: 'Koordination Bildungsbüro und Fachkräfteoffensive',
        email: 'bildungsbuero@bildungsbuero.example',
      },
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['arbeitgeber', 'ausbilder'],
    },
    {
      slug: 'berufsberatung-offene-sprechstunde',
      title: 'Offene Sprechstunde der Berufsberatung',
      offerType: 'beratung',
      summary:
        'Ohne Termin vorbeikommen und Fragen zu Ausbildung, Studium und Bewerbung stellen: Die Berufsberatung der Agentur für Arbeit bietet eine offene Sprechstunde für Jugendliche und ihre Eltern an.',
      description: [
        'Die Beraterinnen und Berater helfen bei der Berufswahl, geben Hinweise zu Bewerbungsunterlagen und informieren über Fördermöglichkeiten wie die Berufsausbildungsbeihilfe. Zusätzlich sind sie regelmäßig an den Schulen im Landkreis vor Ort.',
      ],
      organisation: 'agentur-fuer-arbeit-verden',
      location: { postalCode: '27283', city: 'Verden (Aller)' },
      municipality: 'stadt-verden-aller',
      applyUrl: 'https://www.arbeitsagentur.example/berufsberatung-verden',
      contact: {
        role: 'Berufsberatung',
        email: 'berufsberatung@arbeitsagentur.example',
      },
      validUntil: 180,
      fieldsOfAction: ['berufsorientierung', 'uebergangsmanagement-schule-beruf'],
      targetGroups: ['schueler', 'schulabgaenger', 'eltern', 'studieninteressierte'],
    },

    // --- Material ----------------------------------------------------------------------------
    {
      slug: 'berufsbildungsplaner',
      title: 'Berufsbildungsplaner für den Unterricht',
      offerType: 'material',
      summary:
        'Der Berufsbildungsplaner begleitet Schülerinnen und Schüler durch ihre gesamte Berufsorientierung: mit Checklisten, Praktikumsberichten, Terminen und Kontakten aus dem Landkreis. Kostenfrei für alle Schulen.',
      description: [
        'Das Heft bündelt alles, was Jugendliche für ihre Berufswahl brauchen: Fragen zur Selbsteinschätzung, Vorlagen für Praktikumsberichte, einen Jahresplaner mit regionalen Veranstaltungen sowie Adressen von Beratungsstellen und Betrieben.',
        'Lehrkräfte erhalten ergänzende Unterrichtsideen als Download. Schulen bestellen Klassensätze direkt beim Bildungsbüro.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      municipality: 'landkreis-verden',
      applyUrl: 'https://www.bildungsbuero.example/berufsbildungsplaner',
      fieldsOfAction: ['berufsorientierung', 'uebergangsmanagement-schule-beruf'],
      targetGroups: ['schueler', 'lehrkraefte', 'eltern'],
    },
    {
      slug: 'ergebnisbericht-fachkraeftemonitoring',
      title: 'Ergebnisbericht zum Regionalen Fachkräftemonitoring',
      offerType: 'material',
      summary:
        'Wie hoch ist der Personalbedarf der Betriebe, und was planen die Abschlussklassen? Der Bericht stellt die Ergebnisse beider Befragungen gegenüber und leitet Empfehlungen für Betriebe, Schulen und Politik ab.',
      description: [
        'Der Bericht erscheint alle zwei Jahre und steht als barrierefreies PDF zum Download bereit. Eine Kurzfassung mit den wichtigsten Ergebnissen eignet sich für Betriebsversammlungen und Gremiensitzungen.',
      ],
      organisation: 'bildungsbuero-fachkraefteoffensive-verden',
      municipality: 'landkreis-verden',
      applyUrl: 'https://www.bildungsbuero.example/fachkraeftemonitoring',
      fieldsOfAction: ['bildungsmonitoring', 'fachkraeftesicherung'],
      targetGroups: ['arbeitgeber', 'lehrkraefte'],
    },
    {
      slug: 'checkliste-der-erste-azubi',
      title: 'Checkliste: Der erste Azubi im Betrieb',
      offerType: 'material',
      summary:
        'Von der Ausbildereignung über den Ausbildungsvertrag bis zum ersten Arbeitstag: Die Checkliste führt Betriebe, die zum ersten Mal ausbilden, Schritt für Schritt durch alle Aufgaben.',
      description: [
        'Die Checkliste erklärt, welche Voraussetzungen ein Ausbildungsbetrieb erfüllen muss, wie der Ausbildungsvertrag eingetragen wird und was in den ersten Wochen wichtig ist. Sie enthält außerdem Hinweise auf Beratungsangebote und Fördermöglichkeiten.',
      ],
      organisation: 'ihk-stade',
      applyUrl: 'https://www.kammer.example/checkliste-erster-azubi',
      fieldsOfAction: ['fachkraeftesicherung'],
      targetGroups: ['arbeitgeber', 'ausbilder'],
    },
  ],

  // ---------------------------------------------------------------------------------------------
  // Arbeitgeber-Tipps
  // ---------------------------------------------------------------------------------------------
  employerTips: [
    {
      slug: 'einarbeitung-mit-plan-und-pate',
      title: 'Einarbeitung mit Plan und Patin oder Pate',
      summary:
        'Ein schriftlicher Einarbeitungsplan und eine feste Ansprechperson aus dem Team geben neuen Beschäftigten und Auszubildenden Sicherheit. So sinkt das Risiko, dass sie in der Probezeit wieder gehen.',
      body: [
        'Die ersten Wochen entscheiden oft darüber, ob neue Kolleginnen und Kollegen bleiben. Halten Sie auf einer Seite fest, was in den ersten Tagen, Wochen und Monaten passieren soll: Wen lernt die Person kennen, welche Aufgaben übernimmt sie wann, welche Unterweisungen stehen an? Der Plan hilft auch Ihnen, nichts zu vergessen.',
        'Stellen Sie eine Patin oder einen Paten aus dem Team zur Seite – bewusst nicht die Führungskraft, sondern jemanden auf Augenhöhe, der auch Fragen beantwortet, die man der Chefin ungern stellt. Planen Sie dafür Zeit ein und würdigen Sie diese Aufgabe.',
        'Vereinbaren Sie feste Rückmeldegespräche, etwa nach der ersten Woche, nach einem Monat und vor dem Ende der Probezeit. So erkennen beide Seiten früh, wo es hakt.',
      ],
      effort: 'mittel',
      cost: 'keine',
      suitedSizeClasses: ['micro', 'small', 'medium'],
      dimensions: ['onboarding', 'fuehrung'],
    },
    {
      slug: 'erster-arbeitstag-mit-willkommen',
      title: 'Ein erster Arbeitstag, an den man sich gern erinnert',
      summary:
        'Ein vorbereiteter Arbeitsplatz, eine persönliche Begrüßung und ein gemeinsames Mittagessen kosten wenig, bleiben aber im Gedächtnis – und werden im Freundeskreis weitererzählt.',
      body: [
        'Nichts ernüchtert neue Beschäftigte so sehr wie ein Arbeitsplatz ohne Zugangsdaten, Werkzeug oder Arbeitskleidung. Prüfen Sie eine Woche vorher mit einer kurzen Checkliste, ob alles bereitliegt, und schicken Sie vorab eine Nachricht mit Uhrzeit, Treffpunkt und Ansprechperson.',
        'Am ersten Tag zählen Gesten: eine Begrüßung durch die Inhaberin oder den Inhaber, eine Vorstellungsrunde, ein gemeinsames Mittagessen. Ein kleines Willkommenspaket zeigt, dass Sie sich auf die neue Person gefreut haben. Fragen Sie nach einigen Wochen nach ihrem Eindruck – Neue sehen Ihren Betrieb mit frischem Blick.',
      ],
      effort: 'gering',
      cost: 'gering',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      dimensions: ['onboarding', 'arbeitgebermarke'],
    },
    {
      slug: 'jaehrliche-entwicklungsgespraeche',
      title: 'Jährliche Entwicklungsgespräche einführen',
      summary:
        'Ein strukturiertes Gespräch pro Jahr – zusätzlich zum täglichen Austausch – zeigt Wertschätzung, macht Wünsche sichtbar und hilft, Weiterbildung gezielt zu planen.',
      body: [
        'Im Alltag bleibt selten Zeit, in Ruhe über Zufriedenheit, Ziele und Perspektiven zu sprechen. Ein festes Entwicklungsgespräch einmal im Jahr schafft diesen Raum. Ein einfacher Leitfaden genügt: Was läuft gut? Was behindert die Arbeit? Welche Aufgaben reizen Sie? Wo möchten Sie sich weiterentwickeln?',
        'Entscheidend ist, dass aus dem Gespräch etwas folgt. Halten Sie Vereinbarungen schriftlich fest – eine Schulung, eine neue Aufgabe, eine veränderte Arbeitszeit – und greifen Sie sie im nächsten Gespräch wieder auf. Wer erlebt, dass Anliegen ernst genommen werden, bleibt eher.',
      ],
      effort: 'gering',
      cost: 'keine',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      dimensions: ['fuehrung', 'entwicklung'],
    },
    {
      slug: 'arbeitszeiten-flexibel-planen',
      title: 'Arbeitszeiten gemeinsam und flexibel planen',
      summary:
        'Auch in Handwerk, Pflege und Produktion ist mehr Flexibilität möglich: Wunschdienstpläne, Gleitzeitkorridore oder getauschte Schichten erleichtern es, Beruf, Familie und Privatleben zu vereinbaren.',
      body: [
        'Flexible Arbeitszeit bedeutet nicht zwangsläufig Homeoffice. In vielen Betrieben lassen sich Beginn und Ende der Arbeitszeit innerhalb eines Korridors verschieben, Schichten untereinander tauschen oder freie Tage frühzeitig im Team eintragen. Ein gut sichtbarer Dienstplan, in dem alle ihre Wünsche vermerken, schafft Transparenz und beugt Konflikten vor.',
        'Fragen Sie Ihr Team, was wirklich hilft: Eltern brauchen oft verlässliche Zeiten rund um Kita und Schule, Beschäftigte mit pflegebedürftigen Angehörigen eher kurzfristige Spielräume. Erproben Sie neue Modelle zunächst für einige Monate und werten Sie sie gemeinsam aus.',
      ],
      effort: 'mittel',
      cost: 'keine',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      dimensions: ['vereinbarkeit', 'fuehrung'],
    },
    {
      slug: 'steuerbeguenstigte-zusatzleistungen',
      title: 'Steuerbegünstigte Zusatzleistungen nutzen',
      summary:
        'Zuschüsse zum Jobticket, Sachbezüge, Kita-Zuschüsse oder Beiträge zur betrieblichen Altersvorsorge kommen bei Beschäftigten oft vollständig an – und sind für den Betrieb günstiger als eine gleich hohe Lohnerhöhung.',
      body: [
        'Wenn die Spielräume beim Gehalt begrenzt sind, lohnt ein Blick auf Leistungen, die steuer- und sozialversicherungsrechtlich begünstigt sind. Dazu zählen etwa Zuschüsse zu Fahrkarten für Bus und Bahn, Sachbezüge wie Gutscheinkarten bis zur monatlichen Freigrenze, Zuschüsse zur Betreuung von Kindern, die noch nicht zur Schule gehen, sowie Leistungen zur Gesundheitsförderung.',
        'Lassen Sie sich von Ihrer Steuerberatung zu den aktuellen Grenzen beraten und wählen Sie Leistungen, die zu Ihrem Team passen. Machen Sie die Zusatzleistungen sichtbar – in Stellenanzeigen, im Vorstellungsgespräch und in einer jährlichen Übersicht, die zeigt, was der Betrieb über den Lohn hinaus bietet.',
      ],
      effort: 'gering',
      cost: 'mittel',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      dimensions: ['verguetung', 'vereinbarkeit'],
    },
    {
      slug: 'verguetung-nachvollziehbar-gestalten',
      title: 'Vergütung nachvollziehbar gestalten',
      summary:
        'Klare Kriterien dafür, wie sich Löhne und Ausbildungsvergütungen zusammensetzen und entwickeln, stärken das Vertrauen im Team und machen Ihre Stellenanzeigen im Vergleich mit größeren Arbeitgebern glaubwürdig.',
      body: [
        'Unzufriedenheit entsteht oft weniger durch die Höhe des Lohns als durch das Gefühl, ungerecht behandelt zu werden. Legen Sie fest, nach welchen Kriterien Sie vergüten – etwa Qualifikation, Verantwortung und Erfahrung – und in welchen Schritten Erhöhungen möglich sind. Tarifverträge Ihrer Branche bieten Orientierung, auch wenn Sie nicht tarifgebunden sind.',
        'Nennen Sie in Stellenanzeigen eine Gehaltsspanne und bei Ausbildungsplätzen die Vergütung je Ausbildungsjahr. Bewerberinnen und Bewerber vergleichen genau, und konkrete Zahlen senken die Hürde, sich überhaupt zu melden.',
      ],
      effort: 'mittel',
      cost: 'keine',
      suitedSizeClasses: ['small', 'medium', 'large'],
      dimensions: ['verguetung', 'arbeitgebermarke'],
    },
    {
      slug: 'gesundheit-im-kleinbetrieb-foerdern',
      title: 'Gesundheit fördern – auch ohne eigenes Gesundheitsmanagement',
      summary:
        'Krankenkassen und Berufsgenossenschaften unterstützen auch kleine Betriebe bei der Gesundheitsförderung, häufig kostenfrei. Schon einfache Maßnahmen wie Hebehilfen oder Bewegungsangebote zeigen Wirkung.',
      body: [
        'Ein eigenes betriebliches Gesundheitsmanagement ist für kleine Betriebe meist zu aufwendig – und auch nicht nötig. Die gesetzlichen Krankenkassen unterstützen Betriebe bei der Gesundheitsförderung, etwa mit Analysen, Workshops oder Kursen. Die Berufsgenossenschaften beraten zu sicheren und ergonomischen Arbeitsplätzen.',
        'Beginnen Sie dort, wo Ihr Team am stärksten belastet ist: schweres Heben, Lärm, Zeitdruck oder Schichtarbeit. Hebehilfen, höhenverstellbare Arbeitstische, verlässliche Pausen oder ein Zuschuss zu Sportangeboten sind überschaubare Investitionen. Viele Leistungen zur Gesundheitsförderung können Sie bis zu einem jährlichen Freibetrag steuerfrei gewähren.',
      ],
      effort: 'mittel',
      cost: 'gering',
      suitedSizeClasses: ['micro', 'small', 'medium'],
      dimensions: ['gesundheit'],
    },
    {
      slug: 'psychische-belastungen-ernst-nehmen',
      title: 'Psychische Belastungen ernst nehmen',
      summary:
        'Zur Gefährdungsbeurteilung gehören auch psychische Belastungen wie Zeitdruck oder ständige Unterbrechungen. Wer sie mit dem Team bespricht, findet oft einfache Lösungen und senkt Ausfallzeiten.',
      body: [
        'Das Arbeitsschutzgesetz verlangt ausdrücklich, dass auch psychische Belastungen in die Gefährdungsbeurteilung einfließen. Für kleine Betriebe stellen Berufsgenossenschaften und Krankenkassen kurze Fragebögen und Workshop-Formate bereit, mit denen sich das ohne großen Aufwand umsetzen lässt.',
        'Besprechen Sie die Ergebnisse offen im Team. Häufig helfen schon klare Zuständigkeiten, feste Zeiten ohne Unterbrechung oder eine vorausschauendere Einsatzplanung. Machen Sie deutlich, dass Überlastung kein persönliches Versagen ist, sondern ein Hinweis darauf, dass Abläufe angepasst werden sollten.',
      ],
      effort: 'mittel',
      cost: 'keine',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      dimensions: ['gesundheit', 'fuehrung'],
    },
    {
      slug: 'schuelerpraktika-als-tueroeffner',
      title: 'Schülerpraktika als Türöffner nutzen',
      summary:
        'Ein gut betreutes Praktikum ist der beste Weg, künftige Auszubildende kennenzulernen. Melden Sie freie Plätze im regionalen Ausbildungsportal und über die Schulen – und planen Sie echte Aufgaben ein.',
      body: [
        'Viele Jugendliche entscheiden sich für einen Ausbildungsbetrieb, den sie bereits aus einem Praktikum kennen. Umgekehrt sehen Sie im Praktikum, wie jemand arbeitet – das sagt oft mehr als ein Zeugnis. Veröffentlichen Sie Ihre Praktikumsplätze frühzeitig im regionalen Portal und halten Sie Kontakt zu den Lehrkräften für Berufsorientierung an den Schulen in Ihrer Nähe.',
        'Planen Sie das Praktikum wie eine kleine Einarbeitung: eine feste Ansprechperson, abwechslungsreiche Aufgaben mit sichtbarem Ergebnis und ein Abschlussgespräch mit ehrlicher Rückmeldung. Bleiben Sie mit guten Praktikantinnen und Praktikanten in Verbindung, zum Beispiel über eine Einladung zum Azubi-Speed-Dating oder ein Angebot für einen Ferienjob.',
      ],
      effort: 'gering',
      cost: 'gering',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      practiceExamples: ['verden-bildungsverbund-schule-beruf-und-fachkraefteoffensive'],
      dimensions: ['ausbildung', 'arbeitgebermarke'],
    },
    {
      slug: 'azubis-als-botschafter',
      title: 'Auszubildende zu Botschafterinnen und Botschaftern machen',
      summary:
        'Jugendliche vertrauen Gleichaltrigen mehr als Hochglanzbroschüren. Lassen Sie Ihre Auszubildenden auf Messen, in Schulen und in sozialen Medien von ihrem Arbeitsalltag erzählen.',
      body: [
        'Ob bei der Ausbildungsplatzbörse, im Unterricht an der früheren Schule oder beim Azubi-Speed-Dating: Auszubildende können glaubwürdig berichten, wie ihr Tag aussieht, was ihnen Spaß macht und was sie schon gelernt haben. Das wirkt stärker als jede Anzeige und stärkt zugleich ihr Selbstvertrauen.',
        'Bereiten Sie Ihre Auszubildenden auf diese Rolle vor, etwa mit einem kurzen Präsentationstraining, und stellen Sie sie für die Einsätze frei. Kurze Videos oder Fotos aus dem Arbeitsalltag – mit Einverständnis aller Beteiligten – eignen sich gut für Karriereseite und soziale Netzwerke.',
      ],
      effort: 'gering',
      cost: 'keine',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      practiceExamples: ['verden-bildungsverbund-schule-beruf-und-fachkraefteoffensive'],
      dimensions: ['arbeitgebermarke', 'ausbildung'],
    },
    {
      slug: 'karriereseite-und-stellenanzeigen',
      title: 'Karriereseite und Stellenanzeigen überarbeiten',
      summary:
        'Eine eigene Karriereseite mit echten Fotos, klaren Angaben zu Aufgaben, Arbeitszeit und Vergütung sowie einer einfachen Bewerbung per E-Mail, Formular oder Telefon senkt die Hürde für Bewerbungen deutlich.',
      body: [
        'Die meisten Bewerberinnen und Bewerber informieren sich zuerst online, überwiegend auf dem Smartphone. Prüfen Sie, ob Ihre Website eine leicht auffindbare Seite „Jobs“ oder „Karriere“ hat und ob sie auf dem Handy gut lesbar ist. Zeigen Sie Ihr Team, Ihre Werkstatt oder Ihre Fahrzeuge statt austauschbarer Symbolbilder.',
        'Schreiben Sie Anzeigen aus Sicht der Bewerbenden: Was erwartet mich, was bietet mir der Betrieb, wie geht es nach der Bewerbung weiter? Verzichten Sie auf lange Anforderungslisten und ermöglichen Sie eine Kurzbewerbung ohne Anschreiben. Antworten Sie zügig – wer eine Woche auf Rückmeldung wartet, hat oft schon anderswo zugesagt.',
      ],
      effort: 'mittel',
      cost: 'gering',
      suitedSizeClasses: ['micro', 'small', 'medium'],
      dimensions: ['arbeitgebermarke'],
    },
    {
      slug: 'weiterbildung-planen-und-foerdern-lassen',
      title: 'Weiterbildung planen und Fördermittel nutzen',
      summary:
        'Ein einfacher Qualifizierungsplan zeigt, welches Wissen der Betrieb künftig braucht. Für die Weiterbildung von Beschäftigten gibt es Zuschüsse, etwa von der Agentur für Arbeit oder über das Aufstiegs-BAföG.',
      body: [
        'Überlegen Sie einmal im Jahr, welche Kenntnisse Ihr Betrieb in den kommenden Jahren braucht – neue Technik, geänderte Vorschriften, digitale Abläufe – und wer im Team sie erwerben könnte. Halten Sie das in einer einfachen Übersicht fest und verknüpfen Sie sie mit den Entwicklungsgesprächen.',
        'Weiterbildung muss kleine Betriebe nicht überfordern. Die Agentur für Arbeit kann Lehrgangskosten und Arbeitsentgelt bei der Weiterbildung Beschäftigter bezuschussen; für kleine Betriebe fällt die Förderung besonders großzügig aus. Für Vorbereitungskurse auf Meister-, Techniker- oder Fachwirtprüfungen gibt es das Aufstiegs-BAföG. Kammern und Bildungsberatung helfen, das passende Angebot zu finden.',
      ],
      effort: 'mittel',
      cost: 'gering',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      practiceExamples: ['stade-bildung-im-strukturwandel'],
      dimensions: ['entwicklung'],
    },
    {
      slug: 'quereinstieg-ermoeglichen',
      title: 'Quereinsteigerinnen und Quereinsteigern eine Chance geben',
      summary:
        'Menschen aus anderen Berufen bringen Erfahrung, Zuverlässigkeit und Motivation mit. Mit strukturierter Einarbeitung, Teilqualifizierungen oder einer Umschulung werden sie zu Fachkräften.',
      body: [
        'Nicht jede Stelle muss mit einer Fachkraft aus demselben Beruf besetzt werden. Prüfen Sie, welche Aufgaben sich erlernen lassen und welche Erfahrungen aus anderen Branchen nützlich sind – etwa Kundenkontakt, Organisationstalent oder handwerkliches Geschick. Schreiben Sie in Ihre Anzeigen ausdrücklich, dass Quereinstieg willkommen ist.',
        'Für den Weg zum Berufsabschluss gibt es passende Instrumente: modulare Teilqualifizierungen, geförderte Umschulungen oder die Externenprüfung für Erfahrene ohne Abschluss. Agentur für Arbeit, Jobcenter und Kammern beraten zu Voraussetzungen und Förderung. Eine Patin oder ein Pate im Team erleichtert zusätzlich den Start.',
      ],
      effort: 'hoch',
      cost: 'mittel',
      suitedSizeClasses: ['small', 'medium', 'large'],
      practiceExamples: ['stade-bildung-im-strukturwandel'],
      dimensions: ['entwicklung', 'arbeitgebermarke'],
    },
    {
      slug: 'ausbildungsqualitaet-sichern',
      title: 'Ausbildungsqualität sichern und sichtbar machen',
      summary:
        'Ein betrieblicher Ausbildungsplan, regelmäßige Feedbackgespräche und der Austausch mit anderen Ausbildenden beim Ausbilderstammtisch erhöhen die Qualität und beugen vorzeitigen Vertragslösungen vor.',
      body: [
        'Wenn eine Ausbildung vorzeitig endet, liegt das häufig nicht am Beruf selbst, sondern an Konflikten oder fehlender Begleitung. Ein betrieblicher Ausbildungsplan, der den Ausbildungsrahmenplan auf Ihre Abläufe überträgt, gibt beiden Seiten Orientierung. Kurze Feedbackgespräche alle paar Wochen machen Probleme früh sichtbar.',
        'Auch Ausbildende brauchen Unterstützung. Nutzen Sie den Ausbilderstammtisch der Fachkräfteoffensive, um sich mit anderen Betrieben auszutauschen, und die Ausbildungsberatung der Kammern. Wenn es in der Ausbildung schwierig wird, kann die Assistierte Ausbildung der Agentur für Arbeit Auszubildende und Betrieb begleiten.',
      ],
      effort: 'mittel',
      cost: 'gering',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      practiceExamples: ['verden-bildungsverbund-schule-beruf-und-fachkraefteoffensive'],
      dimensions: ['ausbildung', 'fuehrung', 'onboarding'],
    },
    {
      slug: 'mobilitaet-und-wohnen-fuer-azubis',
      title: 'Mobilität und Wohnen für Auszubildende erleichtern',
      summary:
        'Im ländlichen Raum scheitert eine Ausbildung manchmal schon am Weg zum Betrieb. Fahrtkostenzuschüsse, Fahrgemeinschaften oder Hilfe bei der Wohnungssuche machen Ihren Ausbildungsplatz auch für Jugendliche von weiter her erreichbar.',
      body: [
        'Für viele Jugendliche ohne Führerschein ist der Arbeitsweg die größte Hürde. Ein Zuschuss zum Deutschlandticket, im Team organisierte Fahrgemeinschaften oder eine Beteiligung an den Führerscheinkosten können den Ausschlag geben. Klären Sie mit Ihrer Steuerberatung, welche Leistungen steuerlich begünstigt sind.',
        'Wer Auszubildende aus anderen Regionen gewinnen möchte, sollte auch an das Wohnen denken. Helfen Sie bei der Zimmersuche, tun Sie sich mit anderen Betrieben zusammen oder nutzen Sie Angebote des Azubi-Wohnens, wie sie etwa im Landkreis Fulda entstanden sind. Wer nicht bei den Eltern wohnen kann, hat unter Umständen Anspruch auf Berufsausbildungsbeihilfe der Agentur für Arbeit.',
      ],
      effort: 'mittel',
      cost: 'mittel',
      suitedSizeClasses: ['small', 'medium', 'large'],
      practiceExamples: ['fulda-azubi-region'],
      dimensions: ['ausbildung', 'verguetung'],
    },
    {
      slug: 'bleibegespraeche-fuehren',
      title: 'Bleibegespräche führen, bevor jemand kündigt',
      summary:
        'Fragen Sie erfahrene Beschäftigte regelmäßig, was sie im Betrieb hält und was sie zum Gehen bewegen könnte. Die Antworten zeigen, wo Sie ansetzen sollten – lange bevor eine Kündigung auf dem Tisch liegt.',
      body: [
        'Viele Betriebe erfahren erst im Abschiedsgespräch, was nicht gestimmt hat. Ein Bleibegespräch dreht die Perspektive um: Sie fragen gezielt, was jemandem an der Arbeit gefällt, was fehlt und was sich in den nächsten Jahren ändern sollte.',
        'Hören Sie vor allem zu und versprechen Sie nur, was Sie halten können. Schon kleine Veränderungen – eine andere Tourenplanung, besseres Werkzeug, mehr Verantwortung – zeigen, dass die Rückmeldung angekommen ist. Führen Sie solche Gespräche auch mit Auszubildenden gegen Ende der Ausbildung, damit sie nach der Prüfung im Betrieb bleiben.',
      ],
      effort: 'gering',
      cost: 'keine',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      dimensions: ['onboarding', 'fuehrung'],
    },
    {
      slug: 'beschaeftigte-mit-pflegeaufgaben-unterstuetzen',
      title: 'Beschäftigte mit Pflegeaufgaben unterstützen',
      summary:
        'Immer mehr Beschäftigte kümmern sich neben der Arbeit um Angehörige. Kurzfristige Freistellungen, flexible Zeiten und eine offene Ansprechperson im Betrieb helfen, ohne dass Sie Fachkräfte verlieren.',
      body: [
        'Ein Pflegefall tritt oft plötzlich ein und lässt sich schwer planen. Machen Sie im Betrieb bekannt, dass Beschäftigte in solchen Situationen offen auf Sie zukommen können, und informieren Sie über die gesetzlichen Möglichkeiten wie die kurzzeitige Arbeitsverhinderung, die Pflegezeit und die Familienpflegezeit.',
        'Ergänzend können Sie eigene Lösungen anbieten: zeitweise reduzierte Stunden, getauschte Schichten oder mobiles Arbeiten bei Bürotätigkeiten. Pflegestützpunkte beraten Betroffene kostenfrei – schon ein Hinweis darauf am Schwarzen Brett oder im Intranet hilft weiter.',
      ],
      effort: 'gering',
      cost: 'keine',
      suitedSizeClasses: ['micro', 'small', 'medium', 'large'],
      dimensions: ['vereinbarkeit', 'gesundheit'],
    },
  ],
};

export default seedData;
