import type SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * Being told that the commitments or their updates were written, by whatever code wrote them: what a cache of them
 * needs (server/commitment-cache.ts, decision 012).
 *
 * - SQLite (one process): temporary triggers of this connection call a function of this process, in the statement
 *   that writes. Nothing is kept in the database file, and another program opening it is not affected.
 * - PostgreSQL (several processes): triggers made by migration 2026-11-30-11 send a notice on the channel
 *   `commitments_changed` when a transaction that wrote commits; each process LISTENs on a connection of its own.
 *   While that connection is down a notice may be missed: `reliable` is false, and the listener is called when it
 *   goes down and again once it listens again.
 */
export interface CommitmentChanges {
  /** Starts telling `listener`; resolves once it is reliable (PostgreSQL: listening), or failed to be. */
  watch(listener: () => void): Promise<void>;
  /** Whether every write is being told now. */
  readonly reliable: boolean;
  close(): Promise<void>;
}

export const COMMITMENTS_CHANNEL = 'commitments_changed';

const WATCHED_TABLES = ['commitments', 'commitment_updates'];

/** SQLite: the function the temporary triggers call, registered when the database is opened. */
export function sqliteCommitmentChanges(sqlite: SQLite.Database): CommitmentChanges {
  const listeners: Array<() => void> = [];
  sqlite.function(COMMITMENTS_CHANNEL, { deterministic: false }, () => {
    for (const listener of listeners) listener();
    return null;
  });
  return {
    reliable: true,
    async watch(listener) {
      listeners.push(listener);
      // After the migrations: a trigger needs its table.
      for (const table of WATCHED_TABLES) {
        for (const event of ['insert', 'update', 'delete']) {
          sqlite.exec(
            `create temp trigger if not exists ${table}_${event}_told after ${event} on main.${table} ` +
              `begin select ${COMMITMENTS_CHANNEL}(); end`,
          );
        }
      }
    },
    async close() {
      listeners.length = 0;
    },
  };
}

/** How long to wait before listening again after the connection broke: doubling from 0.5 s up to 10 s. */
const RETRY_MS = { first: 500, max: 10_000 };

/** PostgreSQL: a connection of its own that LISTENs, opened at the first `watch` and opened again when it breaks. */
export function postgresCommitmentChanges(
  connectionString: string,
  onConnectionError: (error: Error) => void,
): CommitmentChanges {
  const listeners: Array<() => void> = [];
  const tell = () => listeners.forEach((listener) => listener());
  let client: pg.Client | null = null;
  let reliable = false;
  let closed = false;
  let retryMs = RETRY_MS.first;
  let retry: NodeJS.Timeout | undefined;

  const lost = (broken: pg.Client, error?: Error) => {
    if (client !== broken) return;
    client = null;
    if (error) onConnectionError(error);
    broken.end().catch(() => undefined);
    if (reliable) {
      reliable = false;
      tell();
    }
    if (closed) return;
    retry = setTimeout(() => void listen(), retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MS.max);
  };

  const listen = async () => {
    const connecting = new pg.Client({ connectionString });
    client = connecting;
    connecting.on('error', (error) => lost(connecting, error));
    connecting.on('end', () => lost(connecting));
    connecting.on('notification', tell);
    try {
      await connecting.connect();
      await connecting.query(`listen ${COMMITMENTS_CHANNEL}`);
    } catch (error) {
      lost(connecting, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (client !== connecting) return;
    retryMs = RETRY_MS.first;
    reliable = true;
    // Whatever changed while nobody listened.
    tell();
  };

  return {
    get reliable() {
      return reliable;
    },
    async watch(listener) {
      listeners.push(listener);
      if (!client && !closed) await listen();
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      reliable = false;
      listeners.length = 0;
      await open?.end().catch(() => undefined);
    },
  };
}
