import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '../server/build-app';
import { loadConfig } from '../server/config';
import { validInput } from '../tests/server/tickets-fixtures';

export interface TicketBenchOptions {
  /** Seconds of load. */
  duration?: number;
  connections?: number;
  /** Only for comparison: what the same load does without an fsync per commit. The server always runs FULL. */
  synchronous?: 'FULL' | 'NORMAL';
}

export interface TicketBenchResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  created: number;
  non2xx: number;
  errors: number;
  ticketsOnDisk: number;
  synchronous: string;
}

// The same request the server tests file.
const BODY = JSON.stringify(validInput());

/**
 * Requests per second of `POST /api/tickets` on SQLite (WAL, synchronous=FULL: every 201 is fsynced), the whole
 * server in this one process, on loopback. Each request has its own Idempotency-Key, so each files a ticket.
 */
export async function benchTickets({
  duration = 8,
  connections = 16,
  synchronous: mode = 'FULL',
}: TicketBenchOptions = {}): Promise<TicketBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    H5_DIR: path.join(dataDir, 'no-h5'),
    LOG_LEVEL: 'silent',
    // The limiter would otherwise refuse all but 10 a minute from 127.0.0.1.
    TICKET_RATE_LIMIT: '1000000000',
  });
  const app = await buildApp({ config });
  try {
    if (mode !== 'FULL') await sql.raw(`pragma synchronous = ${mode}`).execute(app.db);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(app.db);
    const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][rows[0].synchronous] ?? '?';

    const result = await autocannon({
      url: address,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/api/tickets',
          headers: { 'content-type': 'application/json' },
          body: BODY,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'idempotency-key': randomUUID() },
          }),
        },
      ],
    });

    const { n } = await app.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      requestsPerSecond: result.requests.average,
      latencyMs: {
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      created: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      ticketsOnDisk: Number(n),
      synchronous,
    };
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
