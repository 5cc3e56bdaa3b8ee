export { classifyMessage } from './classify';
export type { BounceKind, BounceMailbox, BounceReport } from './types';
