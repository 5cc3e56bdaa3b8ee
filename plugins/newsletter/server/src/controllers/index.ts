import subscribers from './subscribers';
import subscription from './subscription';

export default { subscription, subscribers };
