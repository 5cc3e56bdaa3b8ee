import check from './check';
import questionnaire from './questionnaire';
import statistics from './statistics';

export default { check, questionnaire, statistics };
