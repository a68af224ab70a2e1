// The server of `bench/year-of-requests.ts`, in a process of its own so that the load generator's work does not
// count as the server's: listens on loopback, measures its event loop's delays, and answers the parent over IPC.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../server/build-app';
import { loadConfig } from '../server/config';

type Ask = 'reset' | 'report' | 'close' | { stretch: { pieceMs: number; seconds: number } };

/**
 * How long this thread has waited for a core, in ms: Linux's scheduler statistics of the thread (its second field,
 * in ns), or 0 where there are none.
 */
function waitedForCoreMs(): number {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

/**
 * The longest the server's own work held the event loop: a tick every millisecond, and each gap between two ticks
 * less the time the thread was ready to run but waited for a core. The loop's delay alone counts that wait too,
 * which on two cores shared with the load generator (and the database) is the machine's, not the server's.
 */
function heldProbe() {
  let maxMs = 0;
  let last = performance.now();
  let lastWaited = waitedForCoreMs();
  const timer = setInterval(() => {
    const now = performance.now();
    const waited = waitedForCoreMs();
    maxMs = Math.max(maxMs, now - last - (waited - lastWaited));
    last = now;
    lastWaited = waited;
  }, 1);
  return {
    maxMs: () => maxMs,
    reset: () => (maxMs = 0),
    stop: () => clearInterval(timer),
  };
}

/**
 * The machine's own stretch: a fixed piece of computation, as long as `pieceMs` at first, run again and again for
 * `seconds` with the loop turning between pieces; answers the median and the longest piece. Nothing in a piece waits
 * or allocates, so a piece far longer than the median is time the machine took (on these shared virtual cores the
 * thread seems to run meanwhile: its wait for a core does not show it), and a request as long may be stretched as
 * much.
 */
async function stretch({ pieceMs, seconds }: { pieceMs: number; seconds: number }) {
  let x = 1;
  const piece = (steps: number) => {
    for (let i = 0; i < steps; i += 1) x = (x * 1103515245 + 12345) & 0x7fffffff;
  };
  // Sized once the piece is compiled: the median of 11 timed runs of a warmed-up piece.
  const probe = 100_000;
  for (let i = 0; i < 20; i += 1) piece(probe);
  const probes = Array.from({ length: 11 }, () => {
    const t0 = performance.now();
    piece(probe);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  const steps = Math.max(1, Math.round((probe * pieceMs) / probes[5]));
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    piece(steps);
    times.push(performance.now() - t0);
    await new Promise((resolve) => setImmediate(resolve));
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1] };
}

async function main() {
  const app = await buildApp({ config: loadConfig(process.env) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const held = heldProbe();
  process.on('message', (ask: Ask) => {
    if (typeof ask === 'object') {
      void stretch(ask.stretch).then((stretched) => process.send?.({ stretched }));
    } else if (ask === 'reset') {
      delay.reset();
      held.reset();
      process.send?.({ reset: true });
    } else if (ask === 'report') {
      process.send?.({ maxMs: delay.max / 1e6, heldMs: held.maxMs() });
    } else {
      delay.disable();
      held.stop();
      void app.close().then(() => process.exit(0));
    }
  });
  process.send?.({ address });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
