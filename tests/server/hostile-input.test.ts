import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/build-app';
import {
  createLoggedApp,
  createTestApp,
  DATABASES,
  testConfig,
  type TestContext,
} from '../support/test-app';
import { addStaff } from './auth-fixtures';
import { countRows, submit, ticketToken, validInput } from './tickets-fixtures';

jest.setTimeout(30_000);

const ZWSP = '\u200B';
const RLO = '\u202E';

/** What an attacker sends as they found it (issue 13), through the whole app, on each database. */
describe.each(DATABASES)('hostile input on %s', (dialect) => {
  let ctx: TestContext;
  let before: Record<string, number>;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());
  beforeEach(async () => {
    before = await countRows(ctx.app);
  });

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  it.each(['/api/tickets', '/api/auth/login', '/api/tickets/PDS-1/rating'])(
    'answers a body nested 32,000 deep to %s with 400, not a crash',
    async (url) => {
      const deep = `${'['.repeat(32_000)}${']'.repeat(32_000)}`;
      const res = await post(url, deep, { 'idempotency-key': crypto.randomUUID() });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        details: [{ field: expect.any(String), message: '内容的层级太深' }],
      });
      expect(await countRows(ctx.app)).toEqual(before);
    },
  );

  it('refuses half an emoji in any text or key with 400, writing nothing', async () => {
    for (const body of [
      validInput({ content: `小区门口的路灯坏了三天了\udc00` }),
      validInput({ contactName: '\ud83d王' }),
      { ...validInput(), ['\udc00']: 1 },
    ]) {
      const res = await submit(ctx.app, JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].message).toBe('含有无法识别的字符，请删除后重新输入');
    }
    expect(await countRows(ctx.app)).toEqual(before);
  });

  it('counts what a person sees: zero-width spaces are no content', async () => {
    const res = await submit(ctx.app, validInput({ content: ZWSP.repeat(12) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { field: 'content', message: '请把问题说清楚，至少 10 个字' },
    ]);
  });

  it('stores a request as it reads: NFC, without direction overrides, acknowledged as stored', async () => {
    const res = await submit(
      ctx.app,
      validInput({
        content: `${RLO}小区门口的路灯坏了${ZWSP}三天了 cafe\u0301`,
        contactName: `${RLO}王先生`,
      }),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ content: '小区门口的路灯坏了三天了 caf\u00e9' });
    const read = await ctx.app.inject({
      url: `/api/tickets/${created.ticketNo}`,
      headers: ticketToken(created.accessToken),
    });
    expect(read.json().content).toBe(created.content);
    expect(read.json().contactName).toBe('王先生');
  });

  it.each([
    ['a URL it cannot decode', '/api/tickets/%', 400, '链接地址有误，请检查后再试'],
    [
      'a path part too long',
      `/api/tickets/${'9'.repeat(300)}`,
      414,
      '链接地址太长了，请检查后再试',
    ],
  ])("answers %s with Fastify's refusal in the envelope", async (_what, url, status, message) => {
    const res = await ctx.app.inject({ url });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ code: 'bad_request', message });
  });

  it('logs nothing a person typed when a sign-in is refused', async () => {
    const logged = await createLoggedApp(dialect);
    try {
      await addStaff(logged.app, { username: 'zhang' });
      for (const username of ['zhang', 'My-Secret-Pa55word']) {
        const res = await logged.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'Typed-Pa55word' },
        });
        expect(res.statusCode).toBe(401);
      }
      const refusals = logged.lines.filter((line) => line.includes('sign-in refused'));
      expect(refusals).toHaveLength(2);
      for (const line of logged.lines) {
        expect(line).not.toMatch(/My-Secret-Pa55word|Typed-Pa55word|"username"/i);
      }
    } finally {
      await logged.destroy();
    }
  });
});

describe("Node's own refusals", () => {
  it('answers a request that never finishes arriving with 408 in the envelope', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-408-'));
    const app = await buildApp(
      { config: testConfig(dataDir) },
      { requestTimeout: 300, http: { headersTimeout: 300, connectionsCheckingInterval: 50 } },
    );
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as net.AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        let got = '';
        const socket = net.connect(port, '127.0.0.1', () => {
          // The headers, and then nothing: a client too slow, or one holding connections open on purpose.
          socket.write(
            'POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
              'Content-Length: 100\r\n\r\n{',
          );
        });
        socket.on('data', (chunk) => (got += chunk));
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        code: 'timeout',
        message: '请求发送超时，请检查网络后重试',
      });
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
