import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { withAdvisoryLock } from '../../server/db/advisory-lock';
import { openDatabase, type AppDatabase } from '../../server/db/database';
import { createPostgresDatabase, DATABASES } from '../support/test-app';

/** A job that holds the lock until the test lets it go. */
function heldJob() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let started = () => {};
  const running = new Promise<void>((resolve) => (started = resolve));
  return {
    running,
    release,
    work: async () => {
      started();
      await released;
      return 'done';
    },
  };
}

describe.each(DATABASES)('withAdvisoryLock on %s', (dialect) => {
  let dataDir: string;
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  // Two handles on one database, as two server processes have.
  let one: AppDatabase;
  let other: AppDatabase;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-lock-'));
    postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
    one = openDatabase({ databaseUrl: postgres?.url, dataDir });
    other = dialect === 'postgres' ? openDatabase({ databaseUrl: postgres?.url, dataDir }) : one;
  });
  afterAll(async () => {
    await one.db.destroy();
    if (other !== one) await other.db.destroy();
    await postgres?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (handle: AppDatabase, name: string, work: () => Promise<string>) =>
    withAdvisoryLock(handle.db, { dialect, name }, work);

  it('runs a job in one place at a time, and again once it is over', async () => {
    const job = heldJob();
    const first = run(one, 'sweep', job.work);
    await job.running;
    expect(await run(other, 'sweep', async () => 'twice')).toEqual({ ran: false });
    expect(await run(other, 'another job', async () => 'other')).toEqual({
      ran: true,
      value: 'other',
    });
    job.release();
    expect(await first).toEqual({ ran: true, value: 'done' });
    expect(await run(other, 'sweep', async () => 'next')).toEqual({ ran: true, value: 'next' });
  });

  it('lets the lock go when the job fails', async () => {
    await expect(
      run(one, 'failing', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await run(other, 'failing', async () => 'again')).toEqual({ ran: true, value: 'again' });
  });

  if (dialect === 'postgres') {
    it('lets the lock go when the process holding it dies (its connection ends)', async () => {
      const job = heldJob();
      void run(one, 'orphan', job.work).catch(() => undefined);
      await job.running;
      try {
        // What PostgreSQL sees when a process is killed: its connections end. The timeout makes the call wait
        // until the backend has exited (and so let its locks go), not only until it was signalled.
        await sql`select pg_terminate_backend(pid, 10000) from pg_locks
          where locktype = 'advisory' and pid <> pg_backend_pid()
            and database = (select oid from pg_database where datname = current_database())`.execute(
          other.db,
        );
        expect(await run(other, 'orphan', async () => 'taken over')).toEqual({
          ran: true,
          value: 'taken over',
        });
      } finally {
        job.release();
      }
    });
  }
});
