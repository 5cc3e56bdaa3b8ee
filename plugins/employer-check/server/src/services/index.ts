import plan from './plan';
import questionnaire from './questionnaire';
import retention from './retention';
import seed from './seed';
import series from './series';
import statistics from './statistics';
import submissions from './submissions';
import surveys from './surveys';

export default { plan, questionnaire, retention, seed, series, statistics, submissions, surveys };
