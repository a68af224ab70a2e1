import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, openDatabase, type AppDatabase } from '../../server/db/database';
import type { Database } from '../../server/db/tables';
import { createPostgresDatabase } from '../support/test-app';

interface Prepared {
  statement: string;
  /** Executions under the plan PostgreSQL keeps (after five) or under one made for the values (before). */
  runs: number;
}

/** The statements prepared on this connection, and how often each ran by its name. */
async function preparedOn(connection: Kysely<Database>): Promise<Prepared[]> {
  const { rows } = await sql<Prepared>`select statement, generic_plans + custom_plans as runs
    from pg_prepared_statements`.execute(connection);
  return rows.map((row) => ({ ...row, runs: Number(row.runs) }));
}

(process.env.TEST_DATABASE_URL ? describe : describe.skip)(
  'prepared statements on PostgreSQL',
  () => {
    let dataDir: string;
    let postgres: Awaited<ReturnType<typeof createPostgresDatabase>>;
    let database: AppDatabase;

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-prepared-'));
      postgres = await createPostgresDatabase();
      database = openDatabase({ databaseUrl: postgres.url, dataDir });
      await migrateToLatest(database.db);
    });
    afterAll(async () => {
      await database.db.destroy();
      await postgres.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('parses a statement with parameters once on a connection, then runs it by name', async () => {
      await database.db.connection().execute(async (connection) => {
        const query = connection
          .selectFrom('tickets')
          .select(['id', 'status'])
          .where('ticket_no', '=', '20260101-0001');
        for (let i = 0; i < 7; i++) await query.execute();
        const prepared = await preparedOn(connection);
        expect(prepared).toContainEqual({ statement: query.compile().sql, runs: 7 });
      });
    });

    it('leaves a statement without parameters, with many, or with a star to be parsed each time', async () => {
      await database.db.connection().execute(async (connection) => {
        const numbers = Array.from({ length: 40 }, (_, i) => `20260101-${i}`);
        const queries = [
          connection.selectFrom('tickets').select('id').where('status', '=', 'received').limit(1),
          connection.selectFrom('tickets').select('id').where('ticket_no', 'in', numbers),
          connection.selectFrom('tickets').selectAll().where('ticket_no', '=', '20260101-0001'),
        ];
        for (const query of queries) await query.execute();
        await sql`select count(*) from tickets`.execute(connection);
        const statements = (await preparedOn(connection)).map((p) => p.statement);
        expect(statements).toContain(queries[0].compile().sql);
        expect(statements).not.toContain(queries[1].compile().sql);
        expect(statements).not.toContain(queries[2].compile().sql);
        expect(statements).not.toContain('select count(*) from tickets');
      });
    });

    it('goes on answering once a newer release adds a column (a rolling upgrade)', async () => {
      await database.db.connection().execute(async (connection) => {
        const named = connection
          .selectFrom('tickets')
          .select(['id', 'status'])
          .where('status', '=', 'received');
        const starred = connection
          .selectFrom('tickets')
          .selectAll()
          .where('status', '=', 'received');
        for (let i = 0; i < 3; i++) await Promise.all([named.execute(), starred.execute()]);

        // The newer release's migration, from a process of its own.
        const newer = openDatabase({ databaseUrl: postgres.url, dataDir });
        try {
          await sql`alter table tickets add column added_by_a_newer_release text`.execute(newer.db);
        } finally {
          await newer.db.destroy();
        }

        await expect(named.execute()).resolves.toEqual([]);
        await expect(starred.execute()).resolves.toEqual([]);
      });
    });
  },
);
