import fs from 'node:fs';
import { startServer, waitFor, type ServerProcess } from '../support/server-process';
import { createPostgresDatabase, DATABASES } from '../support/test-app';
import { startWechatStandIn, type WechatStandIn } from '../support/wechat-stand-in';
import { addAdmin, call, deliveredKeys, queueNotice, serverEnv } from './notice-process-fixtures';

jest.setTimeout(180_000);

/** The real server as child processes sharing one database, and the stand-in they all call. */
function processes() {
  const servers: ServerProcess[] = [];
  const world: {
    standIn?: WechatStandIn;
    postgres?: Awaited<ReturnType<typeof createPostgresDatabase>>;
  } = {};
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    await world.standIn?.close();
    await world.postgres?.drop();
    for (const dir of new Set(servers.map((s) => s.dataDir))) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    servers,
    async start(dialect: 'sqlite' | 'postgres') {
      world.standIn = await startWechatStandIn();
      world.postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
      return { standIn: world.standIn, env: serverEnv(world.standIn, world.postgres?.url) };
    },
    databaseUrl: () => world.postgres?.url,
  };
}

/** Every notice of `tickets` is sent: its state as staff see it through `server`. */
async function noticeStates(server: ServerProcess, staffToken: string, tickets: string[]) {
  const seen = await Promise.all(
    tickets.map((ticketNo) =>
      call<{ items: { state: string }[] }>(
        server,
        'GET',
        `/api/tickets/${ticketNo}/notifications`,
        {
          headers: { authorization: `Bearer ${staffToken}` },
        },
      ),
    ),
  );
  return seen.flatMap((s) => s.items.map((i) => i.state));
}

/**
 * Notices are in the database with the move that made them: kill -9 the server while they wait for WeChat to come
 * back, start it again, and each is delivered, once.
 */
describe.each(DATABASES)('kill -9 with notices pending, on %s', (dialect) => {
  const run = processes();

  it('delivers every pending notice exactly once after a restart', async () => {
    const { standIn, env } = await run.start(dialect);
    const first = await startServer({ env });
    run.servers.push(first);
    const staffToken = await addAdmin(first, run.databaseUrl());

    // WeChat busy: every try fails, and each notice waits 5 s for its next one.
    standIn.state.mode = 'busy';
    const tickets: string[] = [];
    for (let i = 0; i < 5; i++) {
      tickets.push(await queueNotice(first, { code: `crash-${dialect}-${i}`, staffToken }));
    }
    await waitFor(() => standIn.state.sendCalls >= tickets.length, 20_000);
    expect(standIn.state.sendCalls).toBeGreaterThanOrEqual(tickets.length);
    // Let the failures be recorded, then kill it between tries.
    await new Promise((r) => setTimeout(r, 500));
    await first.stop('SIGKILL');
    expect(standIn.state.delivered).toEqual([]);

    standIn.state.mode = 'up';
    const second = await startServer({ dataDir: first.dataDir, env });
    run.servers.push(second);
    await waitFor(() => standIn.state.delivered.length >= tickets.length, 30_000);
    // A few more polls: nothing goes out twice.
    await new Promise((r) => setTimeout(r, 5000));

    expect(deliveredKeys(standIn).sort()).toEqual(tickets.map((no) => `${no} 已派单`).sort());
    expect(await noticeStates(second, staffToken, tickets)).toEqual(tickets.map(() => 'sent'));
  });
});

/**
 * Two server processes on one PostgreSQL, each running its sender: every notice is claimed by one of them
 * (FOR UPDATE SKIP LOCKED, a conditional claim) and delivered once.
 */
(process.env.TEST_DATABASE_URL ? describe : describe.skip)(
  'two processes on one PostgreSQL',
  () => {
    const run = processes();

    it('send each notice once', async () => {
      const { standIn, env } = await run.start('postgres');
      run.servers.push(await startServer({ env }), await startServer({ env }));
      const staffToken = await addAdmin(run.servers[0], run.databaseUrl());

      // Queued while WeChat is busy, through either process; then both find them due at once, and each send is
      // slow enough for the two to overlap.
      standIn.state.mode = 'busy';
      const tickets: string[] = [];
      for (let i = 0; i < 24; i++) {
        const server = run.servers[i % 2];
        tickets.push(await queueNotice(server, { code: `pair-${i}`, staffToken }));
      }
      await waitFor(() => standIn.state.sendCalls >= tickets.length, 30_000);
      standIn.state.sendDelayMs = 40;
      standIn.state.mode = 'up';
      await waitFor(() => standIn.state.delivered.length >= tickets.length, 60_000);
      await new Promise((r) => setTimeout(r, 5000));

      const keys = deliveredKeys(standIn);
      expect(keys).toHaveLength(tickets.length);
      expect(keys.sort()).toEqual(tickets.map((no) => `${no} 已派单`).sort());
      expect(await noticeStates(run.servers[1], staffToken, tickets)).toEqual(
        tickets.map(() => 'sent'),
      );
    });
  },
);
