/** 409: the request conflicts with the current state (e.g. an issue already sent). */
export class ConflictError extends Error {
  readonly status = 409;
  readonly expose = true;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The koa context parts a conflict answer needs. */
interface ConflictContext {
  status: number;
  body: unknown;
}

/**
 * Runs a handler and answers a ConflictError as 409 in Strapi's error body (instead of Strapi
 * logging it as a server error); anything else is rethrown.
 */
export const withConflicts =
  <C extends ConflictContext>(handler: (ctx: C) => Promise<void>) =>
  async (ctx: C): Promise<void> => {
    try {
      await handler(ctx);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      ctx.status = 409;
      ctx.body = {
        data: null,
        error: { status: 409, name: error.name, message: error.message, details: {} },
      };
    }
  };
