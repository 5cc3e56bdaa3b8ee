import check from './check';
import questionnaire from './questionnaire';
import statistics from './statistics';
import survey from './survey';

export default { check, questionnaire, statistics, survey };
