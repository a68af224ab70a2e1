import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../server/build-app';
import type { AppConfig } from '../../server/config';
import { loggerOptions } from '../../server/logging';

/**
 * The databases the server suite runs on: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set
 * (.ci/run sets it). Each test app gets a database of its own, made fresh and dropped afterwards.
 */
export const DATABASES: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestAppOptions {
  now?: () => Date;
  config?: Partial<AppConfig>;
}

export interface TestContext {
  app: TestApp;
  dataDir: string;
  databaseUrl?: string;
  /** Closes the app; the data stays until `destroy`, so a test can start a second app on it. */
  close(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A fresh PostgreSQL database on the TEST_DATABASE_URL server, empty or a copy of `template` (a database on the same
 * server that nobody is connected to); returns its URL and a way to drop it.
 */
export async function createPostgresDatabase(
  adminUrl = process.env.TEST_DATABASE_URL!,
  { template }: { template?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `minsheng_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // FILE_COPY copies the files rather than writing every page to the WAL: seconds for the year's gigabyte.
  const copy = template ? ` TEMPLATE ${admin.escapeIdentifier(template)} STRATEGY FILE_COPY` : '';
  await admin.query(`CREATE DATABASE ${name}${copy}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function testConfig(dataDir: string, databaseUrl?: string): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    h5Dir: path.join(dataDir, 'no-h5'),
    logLevel: 'silent',
    ticketRateLimit: 1000,
    open311RateLimit: 1000,
    trustProxy: false,
    uploads: { bytesPerDay: 1024 ** 3, storageMaxBytes: 1024 ** 4, diskFreeMinBytes: 0 },
  };
}

/** Another app on a context's data: a second process on the same database, or the first started again. */
export function appOnSameData(ctx: TestContext): Promise<TestApp> {
  return buildApp({ config: testConfig(ctx.dataDir, ctx.databaseUrl) });
}

export async function createTestApp(
  dialect: 'sqlite' | 'postgres',
  options: TestAppOptions = {},
): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-test-'));
  const postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const config = { ...testConfig(dataDir, postgres?.url), ...options.config };
  const app = await buildApp({ config, now: options.now });
  let closed = false;
  const close = async () => {
    if (!closed) await app.close();
    closed = true;
  };
  return {
    app,
    dataDir,
    databaseUrl: postgres?.url,
    close,
    async destroy() {
      await close();
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An app on a fresh database (SQLite unless told) whose every log line (at trace level, redacted as
 * server/server.ts redacts) is kept in `lines`, for tests that prove what never reaches the logs.
 */
export async function createLoggedApp(
  dialect: 'sqlite' | 'postgres' = 'sqlite',
  config: Partial<AppConfig> = {},
): Promise<{
  app: TestApp;
  lines: string[];
  destroy(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-log-'));
  const postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp(
    { config: { ...testConfig(dataDir, postgres?.url), ...config } },
    { logger: loggerOptions('trace', stream) },
  );
  return {
    app,
    lines,
    async destroy() {
      await app.close();
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
