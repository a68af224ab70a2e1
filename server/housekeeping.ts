import type { FastifyInstance } from 'fastify';

const HOUR_MS = 3600 * 1000;

/**
 * Runs a background job once the app is ready and every `everyMs` after, until it closes. A failure is logged and
 * the job simply runs again next time: nothing a user waits for depends on it.
 */
export function runEvery(
  app: FastifyInstance,
  { everyMs, what }: { everyMs: number; what: string },
  job: () => Promise<unknown>,
): void {
  const run = () =>
    job().catch((error: unknown) => app.log.warn({ err: error }, `housekeeping failed: ${what}`));
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  app.addHook('onReady', async () => {
    await run();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}

/** A clean-up job, once the app is ready and every hour after. */
export function runHourly(app: FastifyInstance, what: string, job: () => Promise<unknown>): void {
  runEvery(app, { everyMs: HOUR_MS, what }, job);
}
