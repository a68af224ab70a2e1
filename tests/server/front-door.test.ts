import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../server/config';
import { getOverHttp, type Answer } from '../support/http-get';
import { createLoggedApp, DATABASES, type TestApp } from '../support/test-app';

jest.setTimeout(30_000);

const LIST = '/api/commitments?category=housing&limit=5';
const DETAIL = '/api/commitments/housing-community-standardization-108';

/** The headers a test compares: all but those Node writes on every answer. */
function headersOf(answer: Answer) {
  const {
    date: _date,
    connection: _connection,
    'keep-alive': _keepAlive,
    ...rest
  } = answer.headers;
  return rest;
}

/**
 * The front door (server/front-door.ts) sends a kept reply again before Fastify routes the request. What it sends
 * and what it logs must be what the route sent and logged; that it drops a reply when the answer changes is
 * tested with the commitments' cache (commitment-cache.test.ts, through both ways in).
 */
describe.each(DATABASES)('the front door on %s', (dialect) => {
  let app: TestApp;
  let lines: string[];
  let destroy: () => Promise<void>;

  async function start(config: Partial<AppConfig> = {}) {
    ({ app, lines, destroy } = await createLoggedApp(dialect, config));
  }
  afterEach(() => destroy());

  /** The "request completed" lines written since `from`. */
  const completed = (from = 0) =>
    lines
      .slice(from)
      .map((line) => JSON.parse(line))
      .filter((line) => line.msg === 'request completed');

  it('sends a kept reply again as the route sent it: status, headers and bytes', async () => {
    await start();
    // Asked with a header of its own, so that each kind of request below is answered by the route first.
    const { etag } = (await getOverHttp(app, LIST, { 'accept-encoding': 'identity' })).headers;
    for (const url of [LIST, DETAIL]) {
      for (const headers of [
        {} as Record<string, string>,
        { 'accept-encoding': 'gzip, deflate, br' },
        { 'accept-encoding': 'gzip' },
        { 'if-none-match': etag as string },
      ]) {
        const from = lines.length;
        const routed = await getOverHttp(app, url, headers);
        const replayed = await getOverHttp(app, url, headers);
        expect(completed(from).map((line) => line.replayed)).toEqual([undefined, true]);
        expect(replayed.statusCode).toBe(routed.statusCode);
        expect(headersOf(replayed)).toEqual(headersOf(routed));
        expect(replayed.rawPayload.equals(routed.rawPayload)).toBe(true);
      }
    }
    // The list's ETag names the list only.
    expect((await getOverHttp(app, DETAIL, { 'if-none-match': etag as string })).statusCode).toBe(
      200,
    );
  });

  it.each([
    ['the proxies by address', '127.0.0.1'],
    ['a hop count', 1],
  ])('logs a replay as the route logs the request, behind %s', async (_trust, trustProxy) => {
    await start({ trustProxy: typeof trustProxy === 'number' ? trustProxy : [trustProxy] });
    const headers = {
      'x-forwarded-for': '198.51.100.1, 203.0.113.7',
      'x-forwarded-host': 'minsheng.example',
    };
    await getOverHttp(app, LIST, headers);
    await getOverHttp(app, LIST, headers);
    const [routed, replayed] = completed();
    const logged = {
      level: 30,
      method: 'GET',
      url: LIST,
      host: 'minsheng.example',
      remoteAddress: '203.0.113.7',
      statusCode: 200,
      msg: 'request completed',
    };
    expect(routed).toMatchObject(logged);
    expect(replayed).toMatchObject({ ...logged, replayed: true });
    expect(replayed.reqId).toMatch(/^req-/);
    expect(replayed.reqId).not.toBe(routed.reqId);
  });

  it('leaves to Fastify what it does not keep: HEAD, other routes, a 404', async () => {
    await start();
    for (const url of [LIST, '/api/health', '/api/commitments/no-such-promise']) {
      await getOverHttp(app, url);
    }
    const from = lines.length;
    const { port } = app.server.address() as AddressInfo;
    const head = await fetch(`http://127.0.0.1:${port}${LIST}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await getOverHttp(app, '/api/health')).statusCode).toBe(200);
    expect((await getOverHttp(app, '/api/commitments/no-such-promise')).statusCode).toBe(404);
    expect(completed(from).map((line) => line.replayed)).toEqual([undefined, undefined, undefined]);
  });
});
