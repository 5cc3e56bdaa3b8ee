import check from './check';
import questionnaire from './questionnaire';
import reminder from './reminder';
import statistics from './statistics';
import survey from './survey';

export default { check, questionnaire, reminder, statistics, survey };
