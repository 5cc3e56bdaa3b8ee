import dimension from './dimension/schema.json';
import question from './question/schema.json';
import questionnaire from './questionnaire/schema.json';
import submission from './submission/schema.json';

export default {
  questionnaire: { schema: questionnaire },
  dimension: { schema: dimension },
  question: { schema: question },
  submission: { schema: submission },
};
