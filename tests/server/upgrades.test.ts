import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../../server/build-app';
import {
  appOnSameData,
  createPostgresDatabase,
  createTestApp,
  DATABASES,
  testConfig,
  type TestApp,
} from '../support/test-app';
import { submit, validInput } from './tickets-fixtures';

jest.setTimeout(60_000);

describe.each(DATABASES)('upgrades without downtime on %s', (dialect) => {
  it('starts an old release on a database a newer one has migrated, and serves', async () => {
    const ctx = await createTestApp(dialect);
    try {
      // What a newer release did: a migration this code has never heard of, adding a column (expand, never drop).
      await sql`alter table tickets add column future_field text`.execute(ctx.app.db);
      await sql`insert into kysely_migration (name, timestamp)
        values ('2099-01-01-01-future', ${new Date().toISOString()})`.execute(ctx.app.db);
      await ctx.close();

      const old = await appOnSameData(ctx);
      try {
        expect((await submit(old, validInput())).statusCode).toBe(201);
      } finally {
        await old.close();
      }
    } finally {
      await ctx.destroy();
    }
  });
});

(process.env.TEST_DATABASE_URL ? describe : describe.skip)('processes starting together', () => {
  it('bring up one empty PostgreSQL database together: migrations and the dataset take turns', async () => {
    const postgres = await createPostgresDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-together-'));
    const started: TestApp[] = [];
    try {
      const starting = [1, 2, 3].map(() =>
        buildApp({ config: testConfig(dataDir, postgres.url) }).then((app) => {
          started.push(app);
          return app;
        }),
      );
      const apps = await Promise.all(starting);
      for (const app of apps) {
        expect((await app.inject({ url: '/api/commitments?limit=1' })).statusCode).toBe(200);
      }
    } finally {
      await Promise.all(started.map((app) => app.close()));
      await postgres.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
