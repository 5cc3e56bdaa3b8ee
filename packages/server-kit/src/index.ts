export {
  createRateLimiter,
  RATE_LIMIT_TABLE,
  type RateLimiter,
  type RateLimitHit,
} from './rate-limit';
export { rateLimitMiddleware } from './rate-limit-middleware';
export { atomically } from './transactions';
export { ConflictError, withConflicts } from './errors';
export {
  blocksToHtml,
  blocksToText,
  safeUrl,
  type RenderOptions as BlocksHtmlOptions,
  type TextOptions as BlocksTextOptions,
} from './blocks';
export { escapeHtml } from './html';
export { ACCENT, renderPage, STYLE, type PageOptions } from './pages';
