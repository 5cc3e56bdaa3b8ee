import plan from './plan';
import questionnaire from './questionnaire';
import reminders from './reminders';
import retention from './retention';
import seed from './seed';
import series from './series';
import statistics from './statistics';
import submissions from './submissions';
import surveys from './surveys';

export default {
  plan,
  questionnaire,
  reminders,
  retention,
  seed,
  series,
  statistics,
  submissions,
  surveys,
};
