import type { FastifyInstance } from 'fastify';
import { withAdvisoryLock } from './db/advisory-lock';
import { claimJobRun } from './repositories/housekeeping-runs';

const HOUR_MS = 3600 * 1000;

/**
 * Runs a background job once the app is ready and every `everyMs` after, until it closes. A failure is logged and
 * the job simply runs again next time: nothing a user waits for depends on it.
 *
 * Once across processes (decision 016): each process's timer asks, but only the one that takes the job's advisory
 * lock, and finds it not run by anyone within the period (`housekeeping_runs`), runs it. A process that dies
 * mid-job lets the lock go with its connection; another runs the job at its next tick after the period.
 */
export function runEvery(
  app: FastifyInstance,
  { everyMs, what }: { everyMs: number; what: string },
  job: () => Promise<unknown>,
): void {
  const run = () =>
    withAdvisoryLock(app.db, { dialect: app.dialect, name: `job:${what}` }, async () => {
      if (await claimJobRun(app.db, { job: what, now: app.now(), everyMs })) await job();
    }).catch((error: unknown) => app.log.warn({ err: error }, `housekeeping failed: ${what}`));
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
