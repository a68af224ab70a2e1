// `npm run bench`: a short, bounded load test on loopback. BENCH_SECONDS and BENCH_CONNECTIONS change the load.
import os from 'node:os';
import { benchFirstCard } from './first-card';
import { reportSizes } from './sizes';
import { benchTickets, type TicketBenchResult } from './tickets';
import { benchYearOfRequests, printYearOfRequests } from './year-of-requests';

async function main() {
  const duration = Number(process.env.BENCH_SECONDS ?? 8);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
  console.log(
    `POST /api/tickets on SQLite, one process, ${connections} connections, ${duration} s ` +
      `(${os.cpus().length} cores, Node ${process.version})`,
  );
  const full = await benchTickets({ duration, connections });
  print(full);
  // The price of durability, measured in the same run: NORMAL may lose the last commits on a power cut.
  const normal = await benchTickets({ duration, connections, synchronous: 'NORMAL' });
  print(normal);
  console.log(
    `  FULL / NORMAL throughput: ${(full.requestsPerSecond / normal.requestsPerSecond).toFixed(2)}`,
  );
  if ([full, normal].some((r) => r.non2xx > 0 || r.errors > 0 || r.ticketsOnDisk < r.created)) {
    process.exitCode = 1;
  }

  console.log(
    '\nTime to the first card of 民生实事, H5 build in Chromium (median of BENCH_RUNS, default 5)',
  );
  for (const r of await benchFirstCard()) {
    console.log(
      `  ${r.network}: first visit ${r.firstVisitMs} ms, repeat visit ${r.repeatVisitMs} ms ` +
        `(repeat / first ${(r.repeatVisitMs / r.firstVisitMs).toFixed(2)})`,
    );
  }

  console.log('\nA year of requests (BENCH_REQUESTS, default 600,000), one server process');
  printYearOfRequests(await benchYearOfRequests());

  console.log('\nBuild sizes');
  reportSizes();
}

function print(r: TicketBenchResult) {
  console.log(`  synchronous=${r.synchronous} (WAL)`);
  console.log(`    ${r.requestsPerSecond.toFixed(0)} requests/s (mean per second)`);
  console.log(
    `    latency p50 ${r.latencyMs.p50} ms, p97.5 ${r.latencyMs.p97_5} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`,
  );
  console.log(
    `    201: ${r.created}, other statuses: ${r.non2xx}, connection errors: ${r.errors}, tickets on disk: ${r.ticketsOnDisk}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
