// The server as server.ts runs it (its logger at LOG_LEVEL, its timeouts), in a process of its own so that the load
// generator's work is not counted as the server's. Answers the parent over IPC: its address, then "close".
// BENCH_SYNCHRONOUS=NORMAL is for one comparison only (the price of durability): the server always runs FULL.
import { sql } from 'kysely';
import { buildApp, listeningOptions } from '../server/build-app';
import { loadConfig } from '../server/config';

async function main() {
  const config = loadConfig(process.env);
  const app = await buildApp({ config }, listeningOptions(config));
  const synchronous = process.env.BENCH_SYNCHRONOUS;
  if (app.dialect === 'sqlite' && (synchronous === 'NORMAL' || synchronous === 'FULL')) {
    await sql.raw(`pragma synchronous = ${synchronous}`).execute(app.db);
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', () => void app.close().then(() => process.exit(0)));
  process.send?.({ address });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
