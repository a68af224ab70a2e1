import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, SQLITE_FILE } from '../server/db/database';
import { createPostgresDatabase } from '../tests/support/test-app';
import { validInput } from '../tests/server/tickets-fixtures';
import { load, startApp, startRaw, type LoadResult } from './processes';

export interface TicketBenchOptions {
  /** Seconds of load. */
  duration?: number;
  connections?: number;
  /** SQLite only, for comparison: what the same load does without an fsync per commit. The server runs FULL. */
  synchronous?: 'FULL' | 'NORMAL';
  /** A PostgreSQL server where the user may create databases: the run gets a throwaway one. SQLite without. */
  postgresUrl?: string;
  /**
   * Seeded data (the year's) to file into instead of an empty database: the run files into a throwaway copy of it
   * (SQLite's file, or a database made from `databaseUrl`'s on the `postgresUrl` server), which nothing else uses.
   */
  seeded?: { dataDir: string; databaseUrl?: string };
}

export interface TicketBenchResult extends LoadResult {
  /** What the run was on: "SQLite, synchronous=FULL", "PostgreSQL". */
  on: string;
  created: number;
  /** Tickets in the database once the server has stopped, less those seeded before: at least `created`. */
  ticketsOnDisk: number;
  /** The bytes of one 201, for raw node:http to send. */
  answer: Buffer;
}

// The same request the server tests file, each with an Idempotency-Key of its own.
const POST_TICKET = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(validInput()),
  freshIdempotencyKeys: true,
} as const;

/**
 * Requests per second of `POST /api/tickets`, the server as server.ts runs it in a process of its own (its request
 * log on), on loopback. Each request has its own Idempotency-Key, so each files a ticket; the tickets are counted
 * in the database once the server has stopped.
 */
export async function benchTickets({
  duration = 8,
  connections = 16,
  synchronous = 'FULL',
  postgresUrl,
  seeded,
}: TicketBenchOptions = {}): Promise<TicketBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-'));
  const template = seeded?.databaseUrl && new URL(seeded.databaseUrl).pathname.slice(1);
  const postgres = postgresUrl
    ? await createPostgresDatabase(postgresUrl, { template })
    : undefined;
  try {
    if (seeded && !postgres) copySqlite(seeded.dataDir, dataDir);
    const seededTickets = seeded ? await countTickets(dataDir, postgres?.url) : 0;
    const app = await startApp(
      {
        DATA_DIR: dataDir,
        H5_DIR: path.join(dataDir, 'no-h5'),
        // The limiter would otherwise refuse all but 10 a minute from 127.0.0.1.
        TICKET_RATE_LIMIT: '1000000000',
        BENCH_SYNCHRONOUS: synchronous,
        ...(postgres && { DATABASE_URL: postgres.url }),
      },
      path.join(dataDir, 'server.log'),
    );
    let result: LoadResult;
    let warm: LoadResult;
    let answer: Buffer;
    try {
      const first = await fetch(`${app.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: POST_TICKET.body,
      });
      answer = Buffer.from(await first.arrayBuffer());
      // Compiled and warm before the measure, as a server that has run a while is.
      warm = await load(app, '/api/tickets', { connections, duration: 2, ...POST_TICKET });
      result = await load(app, '/api/tickets', { connections, duration, ...POST_TICKET });
    } finally {
      await app.stop();
    }
    return {
      ...result,
      on: postgres ? 'PostgreSQL' : `SQLite, synchronous=${synchronous}`,
      created: 1 + warm.answered - warm.refused + result.answered - result.refused,
      answer,
      ticketsOnDisk: (await countTickets(dataDir, postgres?.url)) - seededTickets,
    };
  } finally {
    await postgres?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** SQLite's database in `from` (its file, and its write-ahead log if a server left one) into `to`. */
function copySqlite(from: string, to: string) {
  for (const file of [SQLITE_FILE, `${SQLITE_FILE}-wal`]) {
    if (fs.existsSync(path.join(from, file))) {
      fs.copyFileSync(path.join(from, file), path.join(to, file));
    }
  }
}

async function countTickets(dataDir: string, databaseUrl?: string): Promise<number> {
  const { db } = openDatabase({ dataDir, databaseUrl });
  try {
    const { n } = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  } finally {
    await db.destroy();
  }
}

/**
 * The same load on raw node:http answering the bytes of a 201 (no framework, no database): what this machine's
 * loopback and load generator allow at these connections, measured in the same run as the app.
 */
export async function benchRawTickets({
  answer,
  duration = 8,
  connections = 16,
}: {
  answer: Buffer;
  duration?: number;
  connections?: number;
}): Promise<LoadResult> {
  const raw = await startRaw(answer, { 'content-type': 'application/json; charset=utf-8' });
  try {
    await load(raw, '/api/tickets', { connections, duration: 2, ...POST_TICKET });
    return await load(raw, '/api/tickets', { connections, duration, ...POST_TICKET });
  } finally {
    await raw.stop();
  }
}
