import dimension from './dimension/schema.json';
import question from './question/schema.json';
import questionnaire from './questionnaire/schema.json';
import reminder from './reminder/schema.json';
import reminderSend from './reminder-send/schema.json';
import submission from './submission/schema.json';
import survey from './survey/schema.json';
import surveyQuestion from './survey-question/schema.json';
import surveyQuestionnaire from './survey-questionnaire/schema.json';
import surveyResponse from './survey-response/schema.json';

export default {
  questionnaire: { schema: questionnaire },
  dimension: { schema: dimension },
  question: { schema: question },
  submission: { schema: submission },
  reminder: { schema: reminder },
  'reminder-send': { schema: reminderSend },
  'survey-questionnaire': { schema: surveyQuestionnaire },
  'survey-question': { schema: surveyQuestion },
  survey: { schema: survey },
  'survey-response': { schema: surveyResponse },
};
