import fs from 'node:fs';
import { startServer, type ServerProcess } from '../support/server-process';
import { createPostgresDatabase } from '../support/test-app';
import { startWechatStandIn, type WechatStandIn } from '../support/wechat-stand-in';
import {
  addAdmin,
  call,
  deliveredKeys,
  queueNotice,
  serverEnv,
  waitFor,
} from './notice-process-fixtures';

jest.setTimeout(180_000);

const NOTICES = 24;
const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/**
 * Two server processes on one PostgreSQL, each running its sender: every notice is claimed by one of them
 * (FOR UPDATE SKIP LOCKED, a conditional claim) and delivered once.
 */
describeOnPostgres('two processes sharing one PostgreSQL', () => {
  let standIn: WechatStandIn;
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const servers: ServerProcess[] = [];

  afterAll(async () => {
    for (const server of servers) {
      await server.stop();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    await standIn?.close();
    await postgres?.drop();
  });

  it('send each notice once', async () => {
    standIn = await startWechatStandIn();
    postgres = await createPostgresDatabase();
    const env = serverEnv(standIn, postgres.url);
    servers.push(await startServer({ env }), await startServer({ env }));
    const staffToken = await addAdmin(servers[0], postgres.url);

    // Queued while WeChat is busy, through either process; then both find them due at once, and each send is
    // slow enough for the two to overlap.
    standIn.state.mode = 'busy';
    const tickets: string[] = [];
    for (let i = 0; i < NOTICES; i++) {
      const server = servers[i % 2];
      tickets.push(await queueNotice(server, { code: `pair-${i}`, staffToken }));
    }
    await waitFor(() => standIn.state.sendCalls >= NOTICES, 30_000);
    standIn.state.sendDelayMs = 40;
    standIn.state.mode = 'up';
    await waitFor(() => standIn.state.delivered.length >= NOTICES, 60_000);
    await new Promise((r) => setTimeout(r, 5000));

    const keys = deliveredKeys(standIn);
    expect(keys).toHaveLength(NOTICES);
    expect(keys.sort()).toEqual(tickets.map((no) => `${no} 已派单`).sort());
    const states = await Promise.all(
      tickets.map((ticketNo) =>
        call<{ items: { state: string }[] }>(
          servers[1],
          'GET',
          `/api/tickets/${ticketNo}/notifications`,
          {
            headers: { authorization: `Bearer ${staffToken}` },
          },
        ),
      ),
    );
    expect(states.flatMap((s) => s.items.map((i) => i.state))).toEqual(Array(NOTICES).fill('sent'));
  });
});
