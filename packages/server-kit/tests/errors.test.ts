import { ConflictError, withConflicts } from '../src/errors';

describe('withConflicts', () => {
  it("answers a ConflictError as 409 in Strapi's error body", async () => {
    const ctx = { status: 200, body: null as unknown };
    await withConflicts(async () => {
      throw new ConflictError('Geht gerade nicht.');
    })(ctx);
    expect(ctx).toEqual({
      status: 409,
      body: {
        data: null,
        error: { status: 409, name: 'ConflictError', message: 'Geht gerade nicht.', details: {} },
      },
    });
  });

  it('passes other errors on and leaves successful answers alone', async () => {
    const ctx = { status: 200, body: null as unknown };
    await expect(
      withConflicts(async () => {
        throw new Error('kaputt');
      })(ctx)
    ).rejects.toThrow('kaputt');
    await withConflicts(async (c: typeof ctx) => {
      c.body = { ok: true };
    })(ctx);
    expect(ctx).toEqual({ status: 200, body: { ok: true } });
  });
});
