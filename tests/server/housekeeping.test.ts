import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { migrateToLatest, openDatabase, type AppDatabase } from '../../server/db/database';
import { runHourly } from '../../server/housekeeping';
import { manualClock } from '../support/clock';
import { createPostgresDatabase, DATABASES } from '../support/test-app';

jest.setTimeout(30_000);

describe.each(DATABASES)('background jobs on %s', (dialect) => {
  const clock = manualClock('2026-11-26T02:00:00.000Z');
  let dataDir: string;
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  const handles: AppDatabase[] = [];
  let runs = 0;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-jobs-'));
    postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
    handles.push(openDatabase({ databaseUrl: postgres?.url, dataDir }));
    await migrateToLatest(handles[0].db);
  });
  afterAll(async () => {
    for (const handle of new Set(handles)) await handle.db.destroy();
    await postgres?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A server process as far as its jobs go: its own connections (PostgreSQL), the shared clock, one hourly job. */
  async function startProcess() {
    // SQLite has one process: its "processes" share its one connection.
    const handle =
      dialect === 'sqlite' ? handles[0] : openDatabase({ databaseUrl: postgres?.url, dataDir });
    handles.push(handle);
    const app = Fastify();
    app.decorate('db', handle.db);
    app.decorate('dialect', handle.dialect);
    app.decorate('now', clock.now);
    runHourly(app, 'count runs', async () => {
      runs += 1;
      // Long enough for the other process to ask meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    return app;
  }

  it('runs an hourly job once an hour across processes, whichever asks', async () => {
    const [one, two] = await Promise.all([startProcess(), startProcess()]);
    // Both ask at once when ready: one runs it.
    await Promise.all([one.ready(), two.ready()]);
    expect(runs).toBe(1);

    // A process started within the hour finds it done; one started after the hour runs it.
    clock.advance(30 * 60_000);
    const three = await startProcess();
    await three.ready();
    expect(runs).toBe(1);
    clock.advance(31 * 60_000);
    const four = await startProcess();
    await four.ready();
    expect(runs).toBe(2);
    await Promise.all([one, two, three, four].map((app) => app.close()));
  });
});
