import check from './check';
import statistics from './statistics';

export default { check, statistics };
