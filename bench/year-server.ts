// The server of `bench/year-of-requests.ts`, in a process of its own so that the load generator's work does not
// count as the server's: listens on loopback, measures its event loop's delays, and answers the parent over IPC.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../server/build-app';
import { loadConfig } from '../server/config';

type Ask = 'reset' | 'report' | 'close';

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

async function main() {
  const app = await buildApp({ config: loadConfig(process.env) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const held = heldProbe();
  process.on('message', (ask: Ask) => {
    if (ask === 'reset') {
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
