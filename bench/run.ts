// `npm run bench`: short, bounded load tests on loopback, each server in a process of its own and the load
// generator (wrk) in another. BENCH_SECONDS (5) and BENCH_ROUNDS (2) set the length of each measure; with
// BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server where the user may create databases) the server
// figures are measured on PostgreSQL too, each run on a throwaway database. Arguments pick parts:
// `npm run bench -- reads writes` (reads, writes, year, first-card, sizes; all without).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPostgresDatabase } from '../tests/support/test-app';
import { benchFirstCard } from './first-card';
import { combine, type LoadResult } from './processes';
import { benchRequestPath } from './request-path';
import { reportSizes } from './sizes';
import {
  benchRawTickets,
  benchTickets,
  type TicketBenchOptions,
  type TicketBenchResult,
} from './tickets';
import { ensureWrk } from './wrk';
import { benchYearOfRequests, printYearOfRequests } from './year-of-requests';

const duration = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const parts = process.argv.slice(2);
const wanted = (part: string) => parts.length === 0 || parts.includes(part);

async function main() {
  ensureWrk();
  console.log(
    `${os.cpus().length} cores, Node ${process.version}; ${rounds} rounds of ${duration} s a measure\n`,
  );
  if (wanted('reads')) await reads();
  if (wanted('writes')) await writes();
  if (wanted('year')) {
    console.log('\nA year of requests (BENCH_REQUESTS, default 600,000), one server process');
    printYearOfRequests(await benchYearOfRequests());
  }
  if (wanted('first-card')) await firstCard();
  if (wanted('sizes')) {
    console.log('\nBuild sizes');
    reportSizes();
  }
}

async function firstCard() {
  console.log(
    '\nTime to the first card of 民生实事, H5 build in Chromium (median of BENCH_RUNS, default 5)',
  );
  for (const r of await benchFirstCard()) {
    console.log(
      `  ${r.network}: first visit ${r.firstVisitMs} ms, repeat visit ${r.repeatVisitMs} ms ` +
        `(repeat / first ${(r.repeatVisitMs / r.firstVisitMs).toFixed(2)})`,
    );
  }
}

/** The read path against raw node:http sending the same bytes, on each database. */
async function reads() {
  const connections = 100;
  console.log(
    `Reads: the app (request log on, to a file) against raw node:http sending the same bytes and headers, ` +
      `round by round in this run, ${connections} connections`,
  );
  for (const dialect of postgresUrl ? ['SQLite', 'PostgreSQL'] : ['SQLite']) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-reads-'));
    const postgres =
      dialect === 'PostgreSQL' ? await createPostgresDatabase(postgresUrl) : undefined;
    try {
      const figures = await benchRequestPath({
        env: {
          DATA_DIR: dataDir,
          H5_DIR: path.join(dataDir, 'no-h5'),
          ...(postgres && { DATABASE_URL: postgres.url }),
        },
        log: path.join(dataDir, 'server.log'),
        duration,
        connections,
        rounds,
      });
      console.log(`  on ${dialect}`);
      for (const { label, bytes, app, raw } of figures) {
        console.log(`    ${label} (${bytes} bytes)`);
        console.log(`      app ${figure(app)}`);
        console.log(`      raw ${figure(raw)}`);
        console.log(
          `      app / raw: ${(app.perSecond / raw.perSecond).toFixed(2)} of the throughput; ` +
            `server CPU a request ${(app.cpuUs / raw.cpuUs).toFixed(1)}×`,
        );
        if (app.refused > 0 || app.errors > 0) process.exitCode = 1;
      }
    } finally {
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

/**
 * POST /api/tickets: FULL against NORMAL on SQLite (the price of durability), and on PostgreSQL; BENCH_ROUNDS rounds
 * of each, alternating, each on a fresh database, their throughputs printed beside the mean: filing swings from one
 * run to the next on these machines, PostgreSQL's most (decision 012).
 */
async function writes() {
  const connections = 16;
  console.log(
    `\nWrites: POST /api/tickets, ${connections} connections, ${duration} s, ${rounds} rounds alternating`,
  );
  const setups: TicketBenchOptions[] = [
    {},
    // The price of durability, in the same run: NORMAL may lose the last commits on a power cut.
    { synchronous: 'NORMAL' },
    ...(postgresUrl ? [{ postgresUrl }] : []),
  ];
  const rounded = setups.map((): TicketBenchResult[] => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, setup] of setups.entries()) {
      rounded[i].push(await benchTickets({ duration, connections, ...setup }));
    }
  }
  const means = rounded.map(combine);
  // The ceiling here: raw node:http answering a 201's bytes to the same load.
  const raw = await benchRawTickets({ answer: rounded[0][0].answer, duration, connections });
  rounded.forEach((results, i) => printTickets(results, means[i]));
  console.log(`  raw node:http, the same requests answered with a 201's bytes: ${figure(raw)}`);
  console.log(
    `  FULL / NORMAL throughput: ${(means[0].perSecond / means[1].perSecond).toFixed(2)}`,
  );
  rounded.forEach((results, i) => {
    const ratio = means[i].perSecond / raw.perSecond;
    console.log(`  ${results[0].on} / raw node:http: ${ratio.toFixed(2)}`);
  });
  if (rounded.flat().some((r) => r.refused > 0 || r.errors > 0 || r.ticketsOnDisk < r.created)) {
    process.exitCode = 1;
  }
}

function figure(r: LoadResult): string {
  const cpu =
    r.cpuUs > 0
      ? `, ${r.cpuUs.toFixed(0)} µs server CPU a request, its main thread busy ` +
        `${(r.mainThreadBusy * 100).toFixed(0)}%`
      : '';
  const refused = r.refused + r.errors > 0 ? `, ${r.refused} refused, ${r.errors} errors` : '';
  return `${r.perSecond.toFixed(0)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms${cpu}${refused}`;
}

/** A setup's rounds: their mean, each round's throughput, and what each left in the database. */
function printTickets(results: TicketBenchResult[], mean: LoadResult) {
  const each = results.map((r) => r.perSecond.toFixed(0)).join(', ');
  console.log(`  ${results[0].on}: ${figure(mean)}; the rounds ${each}/s`);
  for (const r of results) {
    console.log(`    201: ${r.created}, tickets in the database afterwards: ${r.ticketsOnDisk}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
