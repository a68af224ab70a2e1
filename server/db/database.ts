import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import {
  postgresCommitmentChanges,
  sqliteCommitmentChanges,
  type CommitmentChanges,
} from './commitment-changes';
import { enableGroupCommit } from './group-commit';
import { migrations } from './migrations';
import { withPreparedStatements } from './prepared-statements';
import { withStatementCache } from './statement-cache';
import type { Database } from './tables';

export type DatabaseDialect = 'sqlite' | 'postgres';

/** SQLite's database file in the data folder. */
export const SQLITE_FILE = 'minsheng.sqlite';

export interface DatabaseOptions {
  /** A postgres:// URL, or undefined for SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Told when PostgreSQL drops an idle connection (a restart, an admin): the pool opens a new one when needed. */
  onConnectionError?: (error: Error) => void;
}

export interface AppDatabase {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  /** Told of writes to the commitments, for caches of them; nothing runs until one watches. */
  commitmentChanges: CommitmentChanges;
}

// PostgreSQL returns BIGINT (count(*)) and NUMERIC as strings; ours are small enough for a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

export function openDatabase({
  databaseUrl,
  dataDir,
  onConnectionError,
}: DatabaseOptions): AppDatabase {
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    // Without a listener, an idle connection closed by the server would crash the whole process; and so would one
    // checked out but between queries (a lock held for a background job, see advisory-lock.ts).
    pool.on('error', (error) => onConnectionError?.(error));
    pool.on('connect', (client) => client.on('error', (error) => onConnectionError?.(error)));
    return {
      db: new Kysely<Database>({
        dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
      }),
      dialect: 'postgres',
      commitmentChanges: postgresCommitmentChanges(databaseUrl, (error) =>
        onConnectionError?.(error),
      ),
    };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, SQLITE_FILE));
  // WAL for concurrent readers; FULL so that an acknowledged write survives a crash of the process or machine.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Each transaction of a group commit is a savepoint, whose undo pages SQLite keeps in a temporary file once past
  // 64 KiB: in memory, they cost no system calls (a third of a commit's writes were to that file).
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  // One connection, one fsync per commit: transactions share commits (group-commit.ts).
  enableGroupCommit(db);
  return { db, dialect: 'sqlite', commitmentChanges: sqliteCommitmentChanges(sqlite) };
}

/** Migrations the database has run that this code does not know: a newer release ran them. */
async function migrationsAheadOfThisCode(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return rows.map((row) => row.name).filter((name) => !(name in migrations));
}

/**
 * Brings the schema up to date; processes starting at once on PostgreSQL take turns (Kysely's migration lock).
 * When a newer release has already taken the schema further (a rolling upgrade, and an old process restarting
 * meanwhile), changes nothing and answers the migrations it does not know: migrations only ever add what old code
 * can ignore (decision 016), so the old code runs on the newer schema.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<{ ahead: string[] }> {
  const ahead = await migrationsAheadOfThisCode(db);
  if (ahead.length > 0) return { ahead };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return { ahead: [] };
}

/**
 * PostgreSQL gave up the transaction for another's sake: a deadlock's victim (40P01) or a serialization failure
 * (40001). Nothing it wrote stays; run it again.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** A unique-constraint violation on either database: the loser of a race, to be retried or answered. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
