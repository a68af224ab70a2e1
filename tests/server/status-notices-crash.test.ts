import fs from 'node:fs';
import { startServer, type ServerProcess } from '../support/server-process';
import { createPostgresDatabase, DATABASES } from '../support/test-app';
import { startWechatStandIn, type WechatStandIn } from '../support/wechat-stand-in';
import {
  addAdmin,
  call,
  deliveredKeys,
  queueNotice,
  serverEnv,
  waitFor,
} from './notice-process-fixtures';

jest.setTimeout(120_000);

const NOTICES = 5;

/**
 * Notices are in the database with the move that made them: kill -9 the server while they wait for WeChat to come
 * back, start it again, and each is delivered, once.
 */
describe.each(DATABASES)('kill -9 with notices pending, on %s', (dialect) => {
  let standIn: WechatStandIn;
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;

  afterAll(async () => {
    await first?.stop('SIGKILL');
    await second?.stop();
    await standIn?.close();
    await postgres?.drop();
    if (first) fs.rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('delivers every pending notice exactly once after a restart', async () => {
    standIn = await startWechatStandIn();
    postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
    const env = serverEnv(standIn, postgres?.url);
    first = await startServer({ env });
    const staffToken = await addAdmin(first, postgres?.url);

    // WeChat busy: every try fails, and each notice waits 5 s for its next one.
    standIn.state.mode = 'busy';
    const tickets: string[] = [];
    for (let i = 0; i < NOTICES; i++) {
      tickets.push(await queueNotice(first, { code: `crash-${dialect}-${i}`, staffToken }));
    }
    await waitFor(() => standIn.state.sendCalls >= NOTICES, 20_000);
    expect(standIn.state.sendCalls).toBeGreaterThanOrEqual(NOTICES);
    // Let the failures be recorded, then kill it between tries.
    await new Promise((r) => setTimeout(r, 500));
    await first.stop('SIGKILL');
    expect(standIn.state.delivered).toEqual([]);

    standIn.state.mode = 'up';
    second = await startServer({ dataDir: first.dataDir, env });
    await waitFor(() => standIn.state.delivered.length >= NOTICES, 30_000);
    // A few more polls: nothing goes out twice.
    await new Promise((r) => setTimeout(r, 5000));

    const keys = deliveredKeys(standIn);
    expect(keys.sort()).toEqual(tickets.map((no) => `${no} 已派单`).sort());
    for (const ticketNo of tickets) {
      const seen = await call<{ items: { state: string }[] }>(
        second,
        'GET',
        `/api/tickets/${ticketNo}/notifications`,
        { headers: { authorization: `Bearer ${staffToken}` } },
      );
      expect(seen.items.map((i) => i.state)).toEqual(['sent']);
    }
  });
});
