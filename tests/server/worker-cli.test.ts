import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer, PASSWORD } from './auth-fixtures';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The operator's command exactly as documented, as its own process, on the given database; `input` is piped in. */
function runCli(args: string[], env: Record<string, string>, input = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    const child = execFile(
      'npx',
      ['tsx', 'server/cli/worker.ts', ...args],
      { cwd: ROOT, env: childEnv },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe.each(DATABASES)('the worker CLI on %s', (dialect) => {
  let ctx: TestContext;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(args, env);
  const signIn = (username: string, password: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    env = { DATA_DIR: ctx.dataDir, ...(ctx.databaseUrl && { DATABASE_URL: ctx.databaseUrl }) };
  });
  afterAll(() => ctx.destroy());

  it('adds a worker who can then sign in to the server', async () => {
    const res = await cli(
      'add',
      '--username',
      'Zhang01',
      '--password',
      'yingcheng2020',
      '--district',
      '新华区',
      '--name',
      '张网格',
    );
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toContain('已创建账号 zhang01（张网格，社区工作者，新华区）');
    expect(res.stdout).not.toContain('yingcheng2020');
    const login = await signIn('zhang01', 'yingcheng2020');
    expect(login.statusCode).toBe(200);
    expect(login.json().worker).toMatchObject({
      username: 'zhang01',
      name: '张网格',
      role: 'worker',
      district: '新华区',
    });
  });

  it('adds an admin, who needs no district', async () => {
    const res = await cli(
      'add',
      '--username',
      'boss',
      '--password',
      'city2020admin',
      '--name',
      '李管理',
      '--role',
      'admin',
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('管理员，全市');
    expect((await signIn('boss', 'city2020admin')).json().worker).toMatchObject({
      role: 'admin',
      district: null,
    });
  });

  // Each test below makes the accounts it works on (straight in the database), so that none needs another to run first.
  it('refuses a duplicate username, whatever its case, with exit code 1', async () => {
    await addStaff(ctx.app, { username: 'taken01' });
    const res = await cli(
      'add',
      '--username',
      'TAKEN01',
      '--password',
      'another2020',
      '--district',
      '叶县',
      '--name',
      '重名',
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('用户名 taken01 已被使用');
  });

  it('lists accounts without any password hash', async () => {
    await addStaff(ctx.app, {
      username: 'listed-boss',
      role: 'admin',
      district: null,
      name: '李管理',
    });
    await addStaff(ctx.app, { username: 'listed01', district: '新华区', name: '张网格' });
    const res = await cli('list');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^listed-boss\t李管理\tadmin\t全市\t正常/m);
    expect(res.stdout).toMatch(/^listed01\t张网格\tworker\t新华区\t正常/m);
    expect(res.stdout).not.toContain('scrypt');
  });

  it('disables an account: no sign-in, and its live token stops working; enable lets it sign in again', async () => {
    await addStaff(ctx.app, { username: 'off01' });
    const { token } = (await signIn('off01', PASSWORD)).json();
    const me = () => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect((await me()).statusCode).toBe(200);
    const res = await cli('disable', '--username', 'off01');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('已停用 off01');
    expect((await me()).statusCode).toBe(401);
    expect((await signIn('off01', PASSWORD)).statusCode).toBe(401);
    expect((await cli('list')).stdout).toMatch(/^off01\t.*\t已停用/m);
    expect((await cli('enable', '--username', 'off01')).code).toBe(0);
    expect((await signIn('off01', PASSWORD)).statusCode).toBe(200);
  });

  it('resets a password: the old one and old tokens stop working, the new one signs in', async () => {
    await addStaff(ctx.app, { username: 'reset-boss', role: 'admin', district: null });
    const { token } = (await signIn('reset-boss', PASSWORD)).json();
    const weak = await cli('reset-password', '--username', 'reset-boss', '--password', 'short1');
    expect(weak.code).toBe(1);
    const res = await cli(
      'reset-password',
      '--username',
      'reset-boss',
      '--password',
      'newcity2021',
    );
    expect(res.code).toBe(0);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) }))
        .statusCode,
    ).toBe(401);
    expect((await signIn('reset-boss', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('reset-boss', 'newcity2021')).statusCode).toBe(200);
  });

  it('reads the password from standard input when --password is left out', async () => {
    const args = ['add', '--username', 'wang', '--district', '郏县', '--name', '王网格'];
    const res = await runCli(args, env, 'piped2020pass\n');
    expect(res.code).toBe(0);
    expect(res.stdout + res.stderr).not.toContain('piped2020pass');
    expect((await signIn('wang', 'piped2020pass')).statusCode).toBe(200);

    const weak = await runCli(['reset-password', '--username', 'wang'], env, 'short\n');
    expect(weak.code).toBe(1);
    const reset = await runCli(['reset-password', '--username', 'wang'], env, 'piped2021pass\n');
    expect(reset.code).toBe(0);
    expect((await signIn('wang', 'piped2021pass')).statusCode).toBe(200);
  });

  it('says so when the account does not exist', async () => {
    for (const args of [
      ['disable', '--username', 'ghost'],
      ['reset-password', '--username', 'ghost', '--password', 'phantom2020'],
    ]) {
      const res = await cli(...args);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('没有这个用户名：ghost');
    }
  });
});

// Input is checked before any database is opened, so these run once, on an empty directory.
describe('the worker CLI on bad input', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [
      'an unknown district',
      [
        '--username',
        'mars',
        '--password',
        'yingcheng2020',
        '--district',
        '火星区',
        '--name',
        '火星',
      ],
      '未知区县：火星区',
    ],
    [
      'a password without digits',
      ['--username', 'weak1', '--password', 'onlyletters', '--district', '叶县', '--name', '弱'],
      '密码需同时包含字母和数字',
    ],
    [
      'a password shorter than 8',
      ['--username', 'weak2', '--password', 'ab12', '--district', '叶县', '--name', '短'],
      '密码至少 8 位',
    ],
    [
      'a worker without a district',
      ['--username', 'nodistrict', '--password', 'yingcheng2020', '--name', '无区'],
      '必须指定 --district',
    ],
    [
      'an unknown role',
      [
        '--username',
        'king',
        '--password',
        'yingcheng2020',
        '--district',
        '叶县',
        '--name',
        '王',
        '--role',
        'king',
      ],
      '未知角色',
    ],
  ])('refuses %s with exit code 1 and a clear message', async (_name, args, message) => {
    const res = await runCli(['add', ...args], { DATA_DIR: dataDir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(message);
    expect(res.stdout).toBe('');
  });

  it('answers a wrong command line with exit code 2 and the usage', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['add', '--password', 'x1234567'],
      ['list', '--bogus'],
    ]) {
      const res = await runCli(args, { DATA_DIR: dataDir });
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('用法');
    }
  });

  it('has not created a database for any refused input', () => {
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
