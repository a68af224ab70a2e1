import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { startServer, type ServerProcess } from '../support/server-process';
import { createPostgresDatabase, DATABASES } from '../support/test-app';
import { validInput } from './tickets-fixtures';

jest.setTimeout(120_000);

interface Acknowledged {
  key: string;
  body: string;
  ticketNo: string;
  accessToken: string;
}

/**
 * A 201 means the request is on disk: file requests from many connections at once, kill -9 the server in the
 * middle, start it again on the same data, and read back every request it acknowledged.
 */
describe.each(DATABASES)('kill -9 while requests are being filed, on %s', (dialect) => {
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;

  afterAll(async () => {
    await first?.stop('SIGKILL');
    await second?.stop();
    await postgres?.drop();
    if (first) fs.rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged request', async () => {
    postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
    const env: Record<string, string> = {
      TICKET_RATE_LIMIT: '1000000',
      LOG_LEVEL: 'error',
      H5_DIR: '/nonexistent-h5',
      ...(postgres && { DATABASE_URL: postgres.url }),
    };
    first = await startServer({ env });
    const server = first;

    const acknowledged: Acknowledged[] = [];
    let sent = 0;
    let refused = 0;
    let cut = 0;
    let killed = false;
    const client = async () => {
      while (!killed) {
        const key = randomUUID();
        sent++;
        const sentBody = JSON.stringify(
          validInput({ content: `压力测试第 ${sent} 条：小区路灯不亮了，请尽快修理` }),
        );
        try {
          const res = await fetch(`${server.url}/api/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: sentBody,
          });
          const body = (await res.json()) as { ticketNo: string; accessToken: string };
          if (res.status === 201) {
            acknowledged.push({
              key,
              body: sentBody,
              ticketNo: body.ticketNo,
              accessToken: body.accessToken,
            });
          } else {
            refused++;
          }
        } catch {
          cut++;
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    // Let it run under load (at least 1.5 s and 30 acknowledged, or 15 s on a very slow machine), then kill it
    // without warning while requests are in flight.
    const started = Date.now();
    while (
      Date.now() - started < 1500 ||
      (acknowledged.length < 30 && Date.now() - started < 15_000)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    await server.stop('SIGKILL');
    killed = true;
    await Promise.all(clients);

    second = await startServer({ dataDir: server.dataDir, env });
    let found = 0;
    const missing: string[] = [];
    for (const ack of acknowledged) {
      const res = await fetch(`${second.url}/api/tickets/${ack.ticketNo}`, {
        headers: { 'x-ticket-token': ack.accessToken },
      });
      if (
        res.status === 200 &&
        ((await res.json()) as { ticketNo: string }).ticketNo === ack.ticketNo
      ) {
        found++;
      } else {
        missing.push(ack.ticketNo);
      }
    }
    const stats = (await (await fetch(`${second.url}/api/stats`)).json()) as {
      tickets: { total: number };
    };

    // A phone that never saw its 201 resends with the same key: it gets the same ticket, once.
    const last = acknowledged[acknowledged.length - 1];
    const replay = await fetch(`${second.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': last.key },
      body: last.body,
    });
    const replayed = (await replay.json()) as { ticketNo: string; accessToken: string };

    console.log(
      `[crash ${dialect}] sent ${sent}, acknowledged ${acknowledged.length}, refused ${refused}, ` +
        `cut off by the kill ${cut}; after restart: ${found} of ${acknowledged.length} acknowledged read back, ` +
        `${stats.tickets.total} in the database`,
    );
    expect(missing).toEqual([]);
    expect(found).toBe(acknowledged.length);
    expect(stats.tickets.total).toBeGreaterThanOrEqual(acknowledged.length);
    expect(refused).toBe(0);
    expect(replay.status).toBe(201);
    expect(replayed).toMatchObject({ ticketNo: last.ticketNo, accessToken: last.accessToken });
  });
});
