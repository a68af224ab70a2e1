import { ConfigError, loadConfig } from '../../server/config';
import { parseTrustProxy, type TrustProxy } from '../../server/trust-proxy';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { submit, validInput } from './tickets-fixtures';

jest.setTimeout(30_000);

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['1', 1],
    ['127.0.0.1', ['127.0.0.1']],
    [' 10.0.0.0/8, ::1 ,loopback', ['10.0.0.0/8', '::1', 'loopback']],
    ['fd00::/16', ['fd00::/16']],
  ])('reads %p as %p', (value, setting) => {
    expect(parseTrustProxy(value)).toEqual(setting);
  });

  it.each(['true', '*', '0.0.0.0/0', '10.0.0.0/4', '::/0', '6', 'nginx', '10.0.0.1/33'])(
    'refuses %p at boot: it would trust the client, or names no proxy',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});

/**
 * A client behind nginx writes X-Forwarded-For itself; nginx appends the address it saw. Whatever the client
 * writes, the per-address limits count the address nginx saw.
 */
describe.each(DATABASES)('the client address behind a proxy on %s', (dialect) => {
  const PROXY = '127.0.0.1';
  const CLIENT = '203.0.113.7';
  let ctx: TestContext | undefined;
  afterEach(async () => {
    await ctx?.destroy();
    ctx = undefined;
  });

  /** Eleven requests with a new made-up address each: the ten allowed, then 429. */
  async function filesFromMadeUpAddresses(
    trustProxy: TrustProxy,
    { through, peer }: { through: 'proxy' | 'direct'; peer: string },
  ) {
    ctx = await createTestApp(dialect, { config: { trustProxy, ticketRateLimit: 10 } });
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const forged = `10.9.9.${i}`;
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/tickets',
        remoteAddress: peer,
        headers: {
          'idempotency-key': crypto.randomUUID(),
          'x-forwarded-for': through === 'proxy' ? `${forged}, ${CLIENT}` : forged,
        },
        payload: validInput(),
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  }

  const TEN_THEN_REFUSED = [...Array(10).fill(201), 429];

  it.each<[string, TrustProxy]>([
    ["the proxy's address", [PROXY]],
    ['a hop count', 1],
  ])('counts the address the proxy saw when TRUST_PROXY is %s', async (_what, trustProxy) => {
    expect(await filesFromMadeUpAddresses(trustProxy, { through: 'proxy', peer: PROXY })).toEqual(
      TEN_THEN_REFUSED,
    );
  });

  it('believes nothing a client that reaches the server directly writes', async () => {
    expect(await filesFromMadeUpAddresses([PROXY], { through: 'direct', peer: CLIENT })).toEqual(
      TEN_THEN_REFUSED,
    );
  });

  it('counts the socket, never the header, without TRUST_PROXY', async () => {
    expect(await filesFromMadeUpAddresses(false, { through: 'direct', peer: CLIENT })).toEqual(
      TEN_THEN_REFUSED,
    );
  });

  it('still tells two real clients behind the proxy apart', async () => {
    ctx = await createTestApp(dialect, { config: { trustProxy: [PROXY], ticketRateLimit: 1 } });
    for (const client of ['198.51.100.1', '198.51.100.2']) {
      const res = await submit(ctx.app, validInput(), {
        headers: { 'x-forwarded-for': `10.9.9.1, ${client}` },
      });
      expect(res.statusCode).toBe(201);
    }
  });
});
