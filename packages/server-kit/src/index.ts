export {
  createRateLimiter,
  RATE_LIMIT_TABLE,
  type RateLimiter,
  type RateLimitHit,
} from './rate-limit';
export { rateLimitMiddleware } from './rate-limit-middleware';
export { atomically } from './transactions';
export { ConflictError, withConflicts } from './errors';
