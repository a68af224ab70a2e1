import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/database';
import type { Database } from '../db/tables';

/** A wrong command line: the usage follows the message, exit 2. */
export class UsageError extends Error {}
/** Bad input or a refused change: the message alone, exit 1. */
export class InputError extends Error {}

/** The command line by `options`, a mistake in it as a UsageError. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The database the server uses (DATA_DIR / DATABASE_URL), migrated, for `work`; closed afterwards. */
export async function withDatabase<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const { db } = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Runs an operator's command: what it answers goes to stdout (and nothing else does). Exits 0 on success, 1 on bad
 * input or a refused change, 2 on a wrong command line (with the usage).
 */
export function runCommand(main: () => Promise<string>, usage: string): void {
  main().then(
    (message) => {
      process.stdout.write(`${message}\n`);
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`错误：${error.message}\n\n${usage}\n`);
        process.exitCode = 2;
      } else if (error instanceof InputError) {
        process.stderr.write(`错误：${error.message}\n`);
        process.exitCode = 1;
      } else {
        // Anything else (database unreachable, bad config): say what, never a secret.
        process.stderr.write(`失败：${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
