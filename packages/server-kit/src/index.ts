export { createRateLimiter, type RateLimiter } from './rate-limit';
export { atomically } from './transactions';
export { ConflictError, withConflicts } from './errors';
