// A year of a city's requests (docs/decisions/011): seeds BENCH_REQUESTS (600,000) requests into a throwaway SQLite
// file, and a throwaway PostgreSQL database when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, then measures the
// hot paths under load with the server in a process of its own. Standalone: `npx tsx bench/year-of-requests.ts`.
// BENCH_YEAR_DIR keeps the seeded data there (SQLite's files, and the name of a PostgreSQL database it made) and
// measures it again on the next run instead of seeding anew (the seed's seconds are then those of the first run);
// delete the folder, and drop the database it names, to seed again. BENCH_CPU_PROF=<dir> writes the server's CPU
// profiles there (node --cpu-prof), in a folder a database; the largest file is the main thread's.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { CommitmentSource } from '../src/domain/commitment';
import { hashPassword } from '../server/auth/crypto';
import { migrateToLatest, openDatabase, type DatabaseDialect } from '../server/db/database';
import { DATASET_PATH } from '../server/plugins/app/database';
import { upsertCommitmentSources } from '../server/repositories/commitments';
import { createSession, createStaff } from '../server/repositories/staff';
import { seedSampleData } from '../server/seed';
import { cpuMsOf } from './processes';
import { benchTickets, type TicketBenchResult } from './tickets';
import { ensureWrk, wrk, type WrkResult } from './wrk';

/**
 * The queue is read by staff, a few at a time; measured at 4 connections and at 20 like the rest, and at 1, where
 * the event loop's worst delay is what one request holds it for (and what the machine adds).
 */
const QUEUE_CONNECTIONS = [1, 4, 20] as const;

/** Filing as the issue's target and the writes bench measure it. */
const FILING_CONNECTIONS = 16;

export interface YearBenchResult {
  dialect: DatabaseDialect;
  requests: number;
  seedSeconds: number;
  stats: { p99: number; perSecond: number; refused: number };
  healthUnderStats: { p99: number; refused: number };
  /** At 1, 4 and 20 connections; with the server process's CPU a request (from /proc; 0 without it). */
  overdueQueue: {
    connections: number;
    p99: number;
    perSecond: number;
    refused: number;
    cpuMsPerRequest: number;
    loop: LoopFigures;
  }[];
  /** The event loop over each run, and over as long with no load at all (`idle`): what the machine alone adds. */
  loop: { idle: LoopFigures; stats: LoopFigures; health: LoopFigures };
  /**
   * The machine's own stretch (year-server.ts): a fixed computation as long as a request of the queue at 1
   * connection, run in the server process for as long as a run: its median and its longest. The loop held at 1
   * connection is a request's work; the longest piece is what the machine alone makes of work that long.
   */
  stretch: { medianMs: number; maxMs: number };
  /** Whether the data was seeded by an earlier run (BENCH_YEAR_DIR). */
  reused: boolean;
  /** `POST /api/tickets` at FILING_CONNECTIONS, FULL on SQLite, into a throwaway copy of the year's data. */
  filing: TicketBenchResult;
}

/**
 * The server's event loop over a run. `stallMs`: its worst delay, which also counts the time the process waited for a
 * core. `heldMs`: the longest the server's own work held it (the delay less the time its thread waited for a core,
 * year-server.ts). Under load either is a whole turn of the loop, every request answered in
 * it (a request's reads on SQLite block); at 1 connection a turn answers one request.
 */
export interface LoopFigures {
  stallMs: number;
  heldMs: number;
}

interface Place {
  env: Record<string, string>;
  databaseUrl?: string;
  drop(): Promise<void>;
}

/** What a kept place remembers of its seeding. */
interface Seeded {
  seedSeconds: number;
  token: string;
  requests: number;
  databaseUrl?: string;
}

async function throwawayPostgres(adminUrl: string, kept?: string): Promise<Place> {
  const url = new URL(adminUrl);
  if (kept) {
    url.pathname = new URL(kept).pathname;
    return {
      env: { DATABASE_URL: url.toString() },
      databaseUrl: url.toString(),
      drop: async () => {},
    };
  }
  const name = `minsheng_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Seeds the place; answers the seconds it took and an admin's bearer token. */
async function seed(dataDir: string, place: Place, dialect: DatabaseDialect, requests: number) {
  const { db } = openDatabase({ databaseUrl: place.databaseUrl, dataDir });
  try {
    await migrateToLatest(db);
    const sources = JSON.parse(fs.readFileSync(DATASET_PATH, 'utf8')) as CommitmentSource[];
    await upsertCommitmentSources(db, { sources });
    const now = new Date();
    const started = performance.now();
    await seedSampleData(db, { dialect, requests, now, seed: 2026 });
    const seedSeconds = (performance.now() - started) / 1000;
    const account = {
      username: 'bench-admin',
      name: '压测管理员',
      role: 'admin' as const,
      district: null,
      passwordHash: await hashPassword('bench-admin-2026'),
    };
    const created = await createStaff(db, { account, now });
    if (created.kind !== 'created') throw new Error('no bench admin');
    const expiresAt = new Date(now.getTime() + 24 * 3600 * 1000);
    const token = await createSession(db, { staffId: created.staff.id, expiresAt, now });
    return { seedSeconds, token };
  } finally {
    await db.destroy();
  }
}

/** The server process: its address, and its event loop's worst delay since the last reset. */
async function startServer(env: Record<string, string>, name: string) {
  const profileDir = process.env.BENCH_CPU_PROF;
  // A folder a database: tsx's loader thread writes a profile of its own beside the main thread's.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`] : [];
  const child: ChildProcess = fork(path.join(__dirname, 'year-server.ts'), {
    execArgv: ['--import', 'tsx', ...profile],
    env: { ...process.env, ...env, LOG_LEVEL: 'silent', H5_DIR: path.join(os.tmpdir(), 'no-h5') },
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { address } = await next<{ address: string }>();
  return {
    address,
    cpuMs: () => cpuMsOf(child.pid!),
    async reset() {
      const done = next();
      child.send('reset');
      await done;
    },
    async loop(): Promise<LoopFigures> {
      const report = next<{ maxMs: number; heldMs: number }>();
      child.send('report');
      const { maxMs, heldMs } = await report;
      return { stallMs: Math.round(maxMs), heldMs: Math.round(heldMs) };
    },
    async stretch(pieceMs: number, seconds: number) {
      const answer = next<{ stretched: { medianMs: number; maxMs: number } }>();
      child.send({ stretch: { pieceMs, seconds } });
      const { medianMs, maxMs } = (await answer).stretched;
      return { medianMs: Math.round(medianMs * 10) / 10, maxMs: Math.round(maxMs * 10) / 10 };
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}

// Latencies of a steady load on connections already open, as nginx keeps them (decision 011).
const load = (url: string, options: { connections: number; duration: number; token?: string }) =>
  wrk(url, {
    connections: options.connections,
    duration: options.duration,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    holdFirstRequests: true,
  });
const figures = (r: WrkResult) => ({
  p99: r.p99,
  perSecond: Math.round(r.perSecond),
  refused: r.refused + r.errors,
});

/** A folder for the place's data: kept under BENCH_YEAR_DIR, or a throwaway one. */
function dataFolder(dialect: DatabaseDialect): { dataDir: string; kept: boolean } {
  const keep = process.env.BENCH_YEAR_DIR;
  if (!keep)
    return { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-year-')), kept: false };
  const dataDir = path.join(keep, dialect);
  fs.mkdirSync(dataDir, { recursive: true });
  return { dataDir, kept: true };
}

const seededFile = (dataDir: string) => path.join(dataDir, 'seeded.json');

function readSeeded(dataDir: string, requests: number): Seeded | null {
  if (!fs.existsSync(seededFile(dataDir))) return null;
  const seeded = JSON.parse(fs.readFileSync(seededFile(dataDir), 'utf8')) as Seeded;
  return seeded.requests === requests ? seeded : null;
}

async function benchOne(
  dialect: DatabaseDialect,
  makePlace: (kept?: string) => Promise<Place>,
  {
    requests,
    duration,
    connections,
    postgresUrl,
  }: { requests: number; duration: number; connections: number; postgresUrl?: string },
): Promise<YearBenchResult> {
  const { dataDir, kept } = dataFolder(dialect);
  const earlier = kept ? readSeeded(dataDir, requests) : null;
  const place = await makePlace(earlier?.databaseUrl);
  try {
    const seeded =
      earlier ??
      ({
        ...(await seed(dataDir, place, dialect, requests)),
        requests,
        databaseUrl: place.databaseUrl,
      } as Seeded);
    if (kept && !earlier) fs.writeFileSync(seededFile(dataDir), JSON.stringify(seeded));
    const { seedSeconds, token } = seeded;
    const server = await startServer({ DATA_DIR: dataDir, ...place.env }, dialect);
    let reads: Omit<YearBenchResult, 'filing'>;
    try {
      await server.reset();
      await new Promise((resolve) => setTimeout(resolve, duration * 1000));
      const idleLoop = await server.loop();
      const stats = `${server.address}/api/stats`;
      await load(stats, { connections, duration: 2 });
      await server.reset();
      const statsRun = await load(stats, { connections, duration });
      const statsLoop = await server.loop();
      await server.reset();
      const [, health] = await Promise.all([
        load(stats, { connections, duration }),
        load(`${server.address}/api/health`, { connections: 1, duration }),
      ]);
      const healthLoop = await server.loop();
      const overdue = `${server.address}/api/tickets?overdue=true`;
      await load(overdue, { connections: 4, duration: 2, token });
      const overdueRuns = [];
      for (const queueConnections of QUEUE_CONNECTIONS) {
        await server.reset();
        const cpuBefore = server.cpuMs();
        const run = await load(overdue, { connections: queueConnections, duration, token });
        const cpuMsPerRequest = (server.cpuMs() - cpuBefore) / Math.max(1, run.answered);
        overdueRuns.push({
          connections: queueConnections,
          ...figures(run),
          cpuMsPerRequest: Math.round(cpuMsPerRequest * 100) / 100,
          loop: await server.loop(),
        });
      }
      const stretch = await server.stretch(overdueRuns[0].cpuMsPerRequest || 2.5, duration);
      reads = {
        dialect,
        requests,
        seedSeconds: Math.round(seedSeconds * 10) / 10,
        stats: figures(statsRun),
        healthUnderStats: { p99: health.p99, refused: health.refused + health.errors },
        overdueQueue: overdueRuns,
        loop: { idle: idleLoop, stats: statsLoop, health: healthLoop },
        stretch,
        reused: earlier !== null,
      };
    } finally {
      await server.close();
    }
    // Filing into a copy of the year's data (the writes bench files into an empty database), the server as
    // server.ts runs it; the kept data stays as seeded.
    const filing = await benchTickets({
      duration,
      connections: FILING_CONNECTIONS,
      postgresUrl,
      seeded: { dataDir, databaseUrl: place.databaseUrl },
    });
    return { ...reads, filing };
  } finally {
    if (!kept) {
      await place.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

/** The figures on SQLite, and on PostgreSQL when a server is given. */
export async function benchYearOfRequests({
  requests = Number(process.env.BENCH_REQUESTS ?? 600_000),
  duration = Number(process.env.BENCH_SECONDS ?? 8),
  connections = 20,
} = {}): Promise<YearBenchResult[]> {
  const options = { requests, duration, connections };
  const results = [
    await benchOne('sqlite', async () => ({ env: {}, drop: async () => {} }), options),
  ];
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    results.push(
      await benchOne('postgres', (kept) => throwawayPostgres(postgresUrl, kept), {
        ...options,
        postgresUrl,
      }),
    );
  }
  return results;
}

export function printYearOfRequests(results: YearBenchResult[]): void {
  for (const r of results) {
    console.log(
      `  ${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${r.requests} requests seeded in ${r.seedSeconds} s` +
        (r.reused ? ' (by an earlier run, BENCH_YEAR_DIR)' : ''),
    );
    console.log(
      `    GET /api/stats, 20 connections: p99 ${r.stats.p99} ms, ${r.stats.perSecond}/s`,
    );
    console.log(
      `    GET /api/health while /api/stats is under that load: p99 ${r.healthUnderStats.p99} ms`,
    );
    for (const q of r.overdueQueue) {
      console.log(
        `    GET /api/tickets?overdue=true (admin), ${q.connections} connections: p99 ${q.p99} ms, ${q.perSecond}/s, ` +
          `server CPU ${q.cpuMsPerRequest} ms a request`,
      );
    }
    for (const [label, of] of [
      ['worst event-loop stall in the server', (l: LoopFigures) => l.stallMs],
      ["longest the server's own work held the loop", (l: LoopFigures) => l.heldMs],
    ] as const) {
      const runs = [r.loop.stats, r.loop.health, ...r.overdueQueue.map((q) => q.loop)].map(of);
      console.log(
        `    ${label}: ${Math.max(...runs)} ms (stats ${of(r.loop.stats)}, with health ${of(r.loop.health)}, ` +
          `queue ${r.overdueQueue.map((q) => `${of(q.loop)} at ${q.connections}`).join(', ')}); ` +
          `idle, as long: ${of(r.loop.idle)} ms`,
      );
    }
    console.log(
      `    the machine's own stretch: a fixed computation of ${r.stretch.medianMs} ms (median, as long as a ` +
        `request of the queue at 1 connection) took at worst ${r.stretch.maxMs} ms in the server process`,
    );
    const { filing } = r;
    console.log(
      `    POST /api/tickets into a copy of it, ${FILING_CONNECTIONS} connections: ${Math.round(filing.perSecond)}/s, ` +
        `p99 ${filing.p99} ms, ${filing.on}; 201: ${filing.created}, tickets it added to the copy: ` +
        `${filing.ticketsOnDisk}`,
    );
    const refused =
      filing.refused +
      filing.errors +
      r.stats.refused +
      r.healthUnderStats.refused +
      r.overdueQueue.reduce((sum, q) => sum + q.refused, 0);
    if (refused > 0) console.log(`    answers of 400 or more, and failed requests: ${refused}`);
  }
}

if (require.main === module) {
  ensureWrk();
  console.log(`A year of requests (${os.cpus().length} cores, Node ${process.version})`);
  benchYearOfRequests().then(printYearOfRequests, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
