import { randomUUID } from 'node:crypto';
import { idempotency } from '../../server/repositories/idempotency';
import { createTicket, type CreateTicketResult } from '../../server/repositories/tickets';
import type { Filing } from '../../server/repositories/tickets/create';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { countTickets, uploadPhoto, validInput } from './tickets-fixtures';

/**
 * Requests asked for together are filed together, in one transaction (repositories/tickets/create.ts): each still
 * gets the answer it would get alone. Asked for in one turn, these all land in one batch.
 */
describe.each(DATABASES)('requests filed together on %s', (dialect) => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestApp(dialect);
  });
  afterEach(() => ctx.destroy());

  const filing = (overrides: Record<string, unknown> = {}, key = randomUUID()): Filing => {
    const input = validInput(overrides);
    return { input, idempotency: idempotency(key, input), now: new Date() };
  };
  const fileTogether = (filings: Filing[]) =>
    Promise.allSettled(filings.map((f) => createTicket(ctx.app.db, f)));
  const value = (outcome: PromiseSettledResult<CreateTicketResult>) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  };

  it('gives each request its own number and token, and counts each', async () => {
    const outcomes = (await fileTogether(Array.from({ length: 40 }, () => filing()))).map(value);
    const created = outcomes.map((o) => (o.kind === 'created' ? o : null));
    expect(created.every(Boolean)).toBe(true);
    expect(new Set(created.map((c) => c!.ticket.ticketNo)).size).toBe(40);
    expect(new Set(created.map((c) => c!.accessToken)).size).toBe(40);
    expect(await countTickets(ctx.app)).toBe(40);
    const stats = (await ctx.app.inject({ url: '/api/stats' })).json();
    expect(stats.tickets.total).toBe(40);
  });

  it('answers a key used twice in one batch with one request: the same, or refused for another body', async () => {
    const key = randomUUID();
    const first = filing({}, key);
    const [a, b, c] = (
      await fileTogether([
        first,
        { ...first },
        filing({ content: '另一件事情，内容不一样的诉求' }, key),
      ])
    ).map(value);
    expect(a.kind).toBe('created');
    expect(b).toMatchObject({ kind: 'replayed' });
    if (a.kind !== 'created' || b.kind !== 'replayed') return;
    expect(b.ticket.ticketNo).toBe(a.ticket.ticketNo);
    expect(b.accessToken).toBe(a.accessToken);
    expect(c.kind).toBe('idempotency_key_reused');
    expect(await countTickets(ctx.app)).toBe(1);
    // And a later batch finds it in the database.
    const [again] = (await fileTogether([{ ...first }])).map(value);
    expect(again).toMatchObject({ kind: 'replayed', accessToken: a.accessToken });
  });

  it('refuses only the requests that refer to what is not there, and marks none of their photos used', async () => {
    const photo = await uploadPhoto(ctx.app);
    const refusedPhoto = await uploadPhoto(ctx.app);
    const outcomes = (
      await fileTogether([
        filing(),
        filing({ commitmentId: 'no-such-commitment', photos: [refusedPhoto] }),
        filing({ photos: [photo] }),
        filing({ photos: ['/api/uploads/never-uploaded.jpg'] }),
      ])
    ).map(value);
    expect(outcomes.map((o) => o.kind)).toEqual([
      'created',
      'validation_failed',
      'created',
      'validation_failed',
    ]);
    expect(outcomes[1]).toMatchObject({ errors: [{ field: 'commitmentId' }] });
    expect(outcomes[3]).toMatchObject({ errors: [{ field: 'photos' }] });
    const uploads = await ctx.app.db.selectFrom('uploads').select(['attached_at']).execute();
    expect(uploads.filter((u) => u.attached_at !== null)).toHaveLength(1);
    expect(await countTickets(ctx.app)).toBe(2);
  });

  it('files the others one by one when one request fails the batch, and that one alone fails', async () => {
    // No such citizen: the link's foreign key fails the batch's transaction.
    const orphan = { ...filing(), citizenId: 'no-such-citizen' };
    const outcomes = await fileTogether([filing(), orphan, filing()]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes.filter((o) => o.status === 'fulfilled').map(value)).toMatchObject([
      { kind: 'created' },
      { kind: 'created' },
    ]);
    expect(await countTickets(ctx.app)).toBe(2);
    expect((await ctx.app.inject({ url: '/api/stats' })).json().tickets.total).toBe(2);
  });
});
