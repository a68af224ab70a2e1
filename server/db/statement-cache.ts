import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; past this the first prepared goes (a query with a list of n values is n texts). */
const MAX_STATEMENTS = 500;

/**
 * better-sqlite3 for Kysely, with each SQL text prepared once. Kysely's SQLite driver prepares every statement it
 * runs, and preparing costs more than running the small statements of a request (decision 012). A statement that
 * is still being iterated (a streamed select) is busy: the same text then gets a fresh statement of its own.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = prepared.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      prepared.set(sql, statement);
      if (prepared.size > MAX_STATEMENTS) prepared.delete(prepared.keys().next().value!);
      return statement;
    },
  };
}
