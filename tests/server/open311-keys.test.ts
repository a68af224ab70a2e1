import { execFile } from 'node:child_process';
import path from 'node:path';
import { revokeApiKeys } from '../../server/repositories/api-keys';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { parseXml, xmlItems } from '../support/xml';
import { ROOT, addKey, fmsReport, postRequest, requestIdOf } from './open311-fixtures';

jest.setTimeout(120_000);

const CLI_ROOT = path.resolve(__dirname, '../..');

/** `npm run -s api-key -- …` as the operator runs it, on the test's database. */
function apiKeyCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    execFile(
      'npm',
      ['run', '-s', 'api-key', '--', ...args],
      { cwd: CLI_ROOT, env: childEnv },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Who may call what: services need no key; filing needs api_key; reading needs api_key or an allowed address.
describe.each(DATABASES)('Open311 keys on %s', (dialect) => {
  let ctx: TestContext;
  let env: Record<string, string>;
  const read = (path: string, remoteAddress = '203.0.113.9') =>
    ctx.app.inject({ method: 'GET', url: `${ROOT}${path}`, remoteAddress });

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { config: { open311RateLimit: 5 } });
    env = { DATA_DIR: ctx.dataDir, ...(ctx.databaseUrl && { DATABASE_URL: ctx.databaseUrl }) };
  });
  afterAll(() => ctx.destroy());

  it('makes a key with the CLI that prints only the key, which then files a request', async () => {
    const made = await apiKeyCli(['add', '--name', '市12345热线', '--allow', '10.12.0.0/16'], env);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    const key = made.stdout.trim();
    const res = await postRequest(ctx.app, fmsReport(key));
    expect(res.statusCode).toBe(200);
    const listed = await apiKeyCli(['list'], env);
    expect(listed.stdout).toContain('市12345热线\t10.12.0.0/16');
    expect(listed.stdout).not.toContain(key);
    const stored = await ctx.app.db.selectFrom('api_keys').select('key_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(key);
  });

  it('refuses a bad allow-list and a missing name without making a key', async () => {
    expect((await apiKeyCli(['add', '--name', 'x', '--allow', '10.0.0.0/33'], env)).code).toBe(1);
    expect((await apiKeyCli(['add'], env)).code).toBe(2);
    expect((await apiKeyCli(['list'], env)).stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('lets anyone read the services, and no one read requests without a key or an allowed address', async () => {
    expect((await read('services.xml')).statusCode).toBe(200);
    for (const path of [
      'requests.xml',
      'requests/PDS20261130-0001.xml',
      'servicerequestupdates.xml',
    ]) {
      const res = await read(`${path}?api_key=`);
      expect([path, res.statusCode]).toEqual([path, 403]);
      expect(xmlItems(res.body, 'error')[0].code).toBe('403');
    }
  });

  it('lets a system read from an address on its key’s allow-list without sending the key', async () => {
    const res = await read('requests.xml', '10.12.200.7');
    expect(res.statusCode).toBe(200);
    expect(parseXml(res.body).root).toBe('service_requests');
    expect((await read('servicerequestupdates.xml', '::ffff:10.12.0.1')).statusCode).toBe(200);
    expect((await read('requests.xml', '10.13.0.1')).statusCode).toBe(403);
  });

  it('refuses a wrong key even from an allowed address, and needs the key to file a request', async () => {
    expect((await read('requests.xml?api_key=nope', '10.12.0.1')).statusCode).toBe(403);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${ROOT}requests.xml`,
      remoteAddress: '10.12.0.1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fmsReport(''), api_key: '' }).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(xmlItems(res.body, 'error')[0].description).toBe('缺少 api_key');
  });

  it('refuses a revoked key at once', async () => {
    const key = await addKey(ctx.app, { name: '旧系统' });
    expect((await read(`requests.xml?api_key=${key}`)).statusCode).toBe(200);
    const revoked = await apiKeyCli(['revoke', '--name', '旧系统'], env);
    expect(revoked.code).toBe(0);
    expect((await read(`requests.xml?api_key=${key}`)).statusCode).toBe(403);
    expect((await postRequest(ctx.app, fmsReport(key))).statusCode).toBe(403);
  });

  it('limits each key on its own: a busy system gets 429, another goes on', async () => {
    const busy = await addKey(ctx.app, { name: '忙碌的系统' });
    const calm = await addKey(ctx.app, { name: '安静的系统' });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await read(`requests.xml?api_key=${busy}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await read(`requests.xml?api_key=${busy}`);
    expect(xmlItems(limited.body, 'error')).toEqual([
      { code: '429', description: '操作太频繁，请稍后再试' },
    ]);
    expect((await read(`requests.xml?api_key=${calm}`)).statusCode).toBe(200);
  });

  it('attributes each filed request to its key’s name', async () => {
    const key = await addKey(ctx.app, { name: '宝丰县热线' });
    const id = requestIdOf((await postRequest(ctx.app, fmsReport(key))).body);
    const events = await ctx.app.db
      .selectFrom('ticket_events')
      .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
      .select(['ticket_events.actor', 'tickets.source_key_id'])
      .where('tickets.ticket_no', '=', id)
      .execute();
    expect(events).toEqual([expect.objectContaining({ actor: '来源: 宝丰县热线' })]);
    await revokeApiKeys(ctx.app.db, { name: '宝丰县热线', now: new Date() });
  });
});
