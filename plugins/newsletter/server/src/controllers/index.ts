import issues from './issues';
import subscribers from './subscribers';
import subscription from './subscription';

export default { subscription, subscribers, issues };
