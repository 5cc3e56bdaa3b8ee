/**
 * Default anonymous employee survey ("Befragung der Beschäftigten"), the counterpart of the
 * self-check: the company's staff rate short statements on the SAME dimensions (same keys, same
 * order) so that the management's view and the employees' view can be compared per dimension.
 *
 * Same scale as the self-check: 1 = "trifft überhaupt nicht zu" … 5 = "trifft voll zu", plus
 * "weiß nicht / keine Angabe". Statements are written from the employees' perspective.
 * Keys are stable identifiers, prefixed with `ma-` and the dimension key: never rename them once
 * answers exist, add new keys instead.
 */
import defaultQuestionnaire, { type DefaultQuestionnaire } from './default-questionnaire';

/** Name and description of a dimension, as the company's questionnaire has them. */
const dimensionOf = (key: string) => {
  const dimension = defaultQuestionnaire.dimensions.find((entry) => entry.key === key);
  if (!dimension) throw new Error(`unknown dimension ${key}`);
  return { name: dimension.name, description: dimension.description };
};

export const defaultEmployeeSurvey: DefaultQuestionnaire = {
  version: 'beschaeftigte-2026-1',
  title: 'Befragung der Beschäftigten',
  intro:
    'Mit dieser kurzen Befragung sagen Sie Ihrem Betrieb in etwa fünf Minuten, wie Sie Ihre Arbeit dort erleben. ' +
    'Die Befragung ist anonym: Ihr Name, Ihre E-Mail-Adresse und Ihre IP-Adresse werden nicht gespeichert. ' +
    'Ihr Betrieb sieht nur zusammengefasste Werte je Thema und erst dann, wenn genügend Kolleginnen und Kollegen teilgenommen haben.',
  dimensions: [
    {
      key: 'fuehrung',
      ...dimensionOf('fuehrung'),
      questions: [
        {
          key: 'ma-fuehrung-entwicklungsgespraech',
          text: 'Meine direkte Führungskraft nimmt sich Zeit, mit mir über meine Arbeit und meine Entwicklung zu sprechen.',
          help: 'Gemeint sind vereinbarte Gespräche, nicht nur kurze Absprachen im Arbeitsalltag.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-fuehrung-informiert',
          text: 'Ich erfahre rechtzeitig, was im Betrieb passiert und was sich für meine Arbeit ändert.',
          help: 'Zum Beispiel neue Aufträge, neue Maschinen oder Software, geänderte Abläufe.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-fuehrung-anerkennung',
          text: 'Wenn ich gute Arbeit leiste, wird das bemerkt und anerkannt.',
          help: 'Anerkennung kann schon ein ehrliches Dankeschön sein.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-fuehrung-nicht-gefragt',
          text: 'Bei Entscheidungen, die meine tägliche Arbeit betreffen, werde ich meistens nicht nach meiner Meinung gefragt.',
          help: 'Denken Sie an die letzten Veränderungen in Ihrem Arbeitsbereich.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'verguetung',
      ...dimensionOf('verguetung'),
      questions: [
        {
          key: 'ma-verguetung-fair',
          text: 'Meine Bezahlung ist fair, wenn ich an meine Aufgaben, meine Verantwortung und meine Erfahrung denke.',
          help: 'Es geht um Ihre eigene Einschätzung, nicht um einen genauen Vergleich.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-verguetung-nachvollziehbar',
          text: 'Ich verstehe, wie sich mein Lohn oder Gehalt zusammensetzt und wie ich mehr verdienen kann.',
          help: 'Zum Beispiel über Lohngruppen, Zuschläge oder zusätzliche Qualifikationen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-verguetung-zusatzleistungen',
          text: 'Ich kenne die Leistungen, die mein Betrieb zusätzlich zum Lohn bietet, und kann sie auch nutzen.',
          help: 'Etwa Jobticket, Dienstrad, Zuschuss zur Altersvorsorge oder Gutscheine.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-verguetung-offen-ansprechen',
          text: 'Ich kann das Thema Bezahlung offen ansprechen, ohne Nachteile befürchten zu müssen.',
          help: 'Zum Beispiel im jährlichen Gespräch mit Ihrer Führungskraft.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'vereinbarkeit',
      ...dimensionOf('vereinbarkeit'),
      questions: [
        {
          key: 'ma-vereinbarkeit-mitreden',
          text: 'Bei meinen Arbeitszeiten kann ich mitreden, zum Beispiel bei Beginn und Ende oder beim Tausch von Schichten.',
          help: 'Auch kleine Spielräume zählen, etwa Gleitzeit oder ein Arbeitszeitkonto.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-vereinbarkeit-planbar',
          text: 'Meine Arbeitszeiten, Schichten oder Einsätze stehen so früh fest, dass ich mein Privatleben gut planen kann.',
          help: 'Zum Beispiel Kinderbetreuung, Pflege von Angehörigen oder Termine im Verein.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-vereinbarkeit-notfall',
          text: 'Wenn privat etwas Dringendes passiert, etwa ein Kind krank wird, findet sich kurzfristig eine Lösung.',
          help: 'Auch ein plötzlicher Pflegefall in der Familie zählt dazu.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-vereinbarkeit-ueberstunden',
          text: 'Ich arbeite regelmäßig deutlich länger, als ich möchte.',
          help: 'Gemeint ist Mehrarbeit über Wochen, nicht einzelne Spitzen in besonders vollen Zeiten.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'entwicklung',
      ...dimensionOf('entwicklung'),
      questions: [
        {
          key: 'ma-entwicklung-neues-lernen',
          text: 'Bei meiner Arbeit habe ich die Möglichkeit, Neues zu lernen.',
          help: 'Zum Beispiel durch neue Aufgaben, Schulungen oder das Wissen erfahrener Kolleginnen und Kollegen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-entwicklung-unterstuetzung',
          text: 'Wenn ich eine Weiterbildung machen möchte, unterstützt mich mein Betrieb, zum Beispiel mit Arbeitszeit oder einem Zuschuss zu den Kosten.',
          help: 'Wenn Sie das noch nicht ausprobiert haben, schätzen Sie ein, was Sie erwarten würden.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-entwicklung-perspektive',
          text: 'Ich sehe in diesem Betrieb eine berufliche Zukunft für mich.',
          help: 'Etwa mehr Verantwortung, eine Spezialisierung oder eine Aufgabe, die besser zu Ihnen passt.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'ausbildung',
      ...dimensionOf('ausbildung'),
      questions: [
        {
          key: 'ma-ausbildung-empfehlen',
          text: 'Ich würde jungen Menschen empfehlen, in unserem Betrieb ein Praktikum oder eine Ausbildung zu machen.',
          help: 'Denken Sie zum Beispiel an Jugendliche aus Ihrer Familie oder Nachbarschaft.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-ausbildung-praktikum',
          text: 'Wer bei uns ein Praktikum macht, wird im Team gut aufgenommen und darf selbst mit anpacken.',
          help: 'Wenn bei Ihnen im Bereich keine Praktika stattfinden, wählen Sie „weiß nicht / keine Angabe“.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-ausbildung-begleitung',
          text: 'Unsere Auszubildenden haben im Alltag eine feste Ansprechperson, die sich Zeit für ihre Fragen nimmt.',
          help: 'Wenn Sie selbst in der Ausbildung sind, antworten Sie aus Ihrer eigenen Erfahrung.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: true,
        },
      ],
    },
    {
      key: 'gesundheit',
      ...dimensionOf('gesundheit'),
      questions: [
        {
          key: 'ma-gesundheit-ausstattung',
          text: 'Mein Arbeitsplatz, meine Werkzeuge und Geräte sind in gutem Zustand.',
          help: 'Dazu gehören auch Hilfsmittel, die körperlich entlasten, etwa Hebehilfen oder gute Beleuchtung.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-gesundheit-belastungen-ansprechen',
          text: 'Wenn mich etwas bei der Arbeit belastet, kann ich das ansprechen, und es wird nach einer Lösung gesucht.',
          help: 'Gemeint sind körperliche und seelische Belastungen, etwa schweres Heben, Lärm oder Konflikte.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-gesundheit-pausen',
          text: 'Meine Pausen kann ich in der Regel so machen, wie sie vorgesehen sind.',
          help: 'Also ohne sie regelmäßig zu verkürzen, zu verschieben oder durchzuarbeiten.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-gesundheit-zeitdruck',
          text: 'Ich stehe bei der Arbeit dauerhaft unter hohem Zeitdruck.',
          help: 'Gemeint ist Druck, der über Wochen anhält, nicht nur in kurzen Spitzenzeiten.',
          weight: 1,
          reverse: true,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'arbeitgebermarke',
      ...dimensionOf('arbeitgebermarke'),
      questions: [
        {
          key: 'ma-arbeitgebermarke-weiterempfehlen',
          text: 'Ich würde meinen Betrieb Freundinnen, Freunden und Bekannten als Arbeitgeber empfehlen.',
          help: 'Stellen Sie sich vor, jemand aus Ihrem Umfeld sucht gerade eine neue Stelle.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-arbeitgebermarke-gern-erzaehlen',
          text: 'Ich erzähle gern, wo ich arbeite.',
          help: 'Zum Beispiel im Bekanntenkreis, im Verein oder in sozialen Netzwerken.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-arbeitgebermarke-bild-stimmt',
          text: 'Wie sich unser Betrieb in Stellenanzeigen oder auf der Website als Arbeitgeber zeigt, passt zu dem, was ich im Alltag erlebe.',
          help: 'Wenn Sie diese Darstellung nicht kennen, wählen Sie „weiß nicht / keine Angabe“.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
    {
      key: 'onboarding',
      ...dimensionOf('onboarding'),
      questions: [
        {
          key: 'ma-onboarding-einarbeitung',
          text: 'Als ich hier angefangen habe, wurde ich gut eingearbeitet und hatte eine feste Ansprechperson.',
          help: 'Wenn Ihr Start lange zurückliegt, denken Sie an die Einarbeitung neuer Kolleginnen und Kollegen, die Sie miterlebt haben.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-onboarding-team',
          text: 'In meinem Team fühle ich mich wohl und gut aufgenommen.',
          help: 'Gemeint ist der Umgang unter Kolleginnen und Kollegen im Arbeitsalltag.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
        {
          key: 'ma-onboarding-bleiben',
          text: 'Ich kann mir gut vorstellen, auch in zwei Jahren noch in diesem Betrieb zu arbeiten.',
          help: 'Antworten Sie so, wie Sie es heute sehen.',
          weight: 1,
          reverse: false,
          onlyIfTrainsApprentices: false,
        },
      ],
    },
  ],
};

export default defaultEmployeeSurvey;
