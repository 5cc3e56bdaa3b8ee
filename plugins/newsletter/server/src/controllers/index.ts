import bounces from './bounces';
import clicks from './clicks';
import issues from './issues';
import links from './links';
import subscribers from './subscribers';
import subscription from './subscription';

export default { subscription, subscribers, issues, links, bounces, clicks };
