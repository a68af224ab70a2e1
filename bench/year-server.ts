// The server of `bench/year-of-requests.ts`, in a process of its own so that the load generator's work does not
// count as the server's: listens on loopback, measures its event loop's delays, and answers the parent over IPC.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../server/build-app';
import { loadConfig } from '../server/config';

type Ask = 'reset' | 'report' | 'close';

async function main() {
  const app = await buildApp({ config: loadConfig(process.env) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on('message', (ask: Ask) => {
    if (ask === 'reset') {
      delay.reset();
      process.send?.({ reset: true });
    } else if (ask === 'report') {
      process.send?.({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 });
    } else {
      delay.disable();
      void app.close().then(() => process.exit(0));
    }
  });
  process.send?.({ address });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
