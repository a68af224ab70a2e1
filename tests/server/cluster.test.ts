import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadH5Dir } from '../../server/config';
import { hashPassword } from '../../server/auth/crypto';
import { openDatabase } from '../../server/db/database';
import { createStaff } from '../../server/repositories/staff';
import {
  clientAt,
  NGINX_BINARY,
  NGINX_INSTALL,
  startNginx,
  type Client,
  type Nginx,
} from '../support/cluster';
import { IMAGES } from '../support/images';
import { multipart } from '../support/multipart';
import { freePort, startServer, type ServerProcess } from '../support/server-process';
import { createPostgresDatabase } from '../support/test-app';
import { PASSWORD } from './auth-fixtures';
import { validInput } from './tickets-fixtures';

jest.setTimeout(120_000);

const LIMIT = 25;
const MARK = '集群压力测试';
const enabled = Boolean(process.env.TEST_DATABASE_URL && NGINX_BINARY);
if (!enabled) {
  console.warn(`The cluster test needs TEST_DATABASE_URL and nginx (${NGINX_INSTALL}): skipped.`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Acknowledged {
  key: string;
  content: string;
  ticketNo: string;
  accessToken: string;
  address: string;
}

/**
 * What decision 016 promises, end to end: two server processes (server/server.ts) on one PostgreSQL, behind the
 * shipped nginx site (deploy/nginx/minsheng.conf), clients on several loopback addresses, one process killed with
 * SIGKILL and started again while requests are being filed.
 */
(enabled ? describe : describe.skip)('two processes on one PostgreSQL behind nginx', () => {
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const servers: ServerProcess[] = [];
  let nginx: Nginx;
  let env: Record<string, string>;
  const clients: Client[] = [];
  const client = (address: string) => {
    const made = clientAt(address, nginx.port);
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    postgres = await createPostgresDatabase();
    env = {
      DATABASE_URL: postgres.url,
      TRUST_PROXY: '127.0.0.1',
      TICKET_RATE_LIMIT: String(LIMIT),
      LOG_LEVEL: 'error',
      H5_DIR: '/nonexistent-h5',
    };
    // One after the other: the first migrates, the second finds it done.
    for (let i = 0; i < 2; i++) servers.push(await startServer({ port: await freePort(), env }));
    nginx = await startNginx({
      upstreamPorts: servers.map((s) => s.port),
      port: await freePort(),
      h5Dir: loadH5Dir(),
    });
    const { db } = openDatabase({ databaseUrl: postgres.url, dataDir: servers[0].dataDir });
    const account = {
      username: 'city',
      name: '市级管理员',
      role: 'admin' as const,
      district: null,
      passwordHash: await hashPassword(PASSWORD),
    };
    await createStaff(db, { account, now: new Date() });
    await db.destroy();
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await nginx?.stop();
    for (const server of servers) {
      await server.stop('SIGKILL');
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    await postgres?.drop();
  });

  /** Answers other than 201 and 429 (cut off, 5xx): only while a process is down may there be any. */
  const failures: { beforeKill: number; after: number } = { beforeKill: 0, after: 0 };
  let killed = false;

  /** Files one request until it is acknowledged or refused by the limit; a cut one is sent again with its key. */
  async function fileOnce(from: Client, forged: string): Promise<Acknowledged | 'limited'> {
    const key = randomUUID();
    const content = `${MARK} ${key}：路灯坏了，晚上很黑`;
    for (let attempt = 0; attempt < 40; attempt++) {
      const res = await from
        .postJson('/api/tickets', validInput({ content }), {
          'idempotency-key': key,
          'x-forwarded-for': forged,
        })
        .catch(() => null);
      if (res?.status === 201) {
        const { ticketNo, accessToken } = res.json<{ ticketNo: string; accessToken: string }>();
        return { key, content, ticketNo, accessToken, address: from.address };
      }
      if (res?.status === 429) return 'limited';
      if (res && res.status < 500) throw new Error(`${res.status} ${res.body.toString()}`);
      failures[killed ? 'after' : 'beforeKill'] += 1;
      await sleep(100);
    }
    throw new Error(`request ${key} was never acknowledged`);
  }

  it('keeps every acknowledged request while a process is killed and started again', async () => {
    const acknowledged: Acknowledged[] = [];
    let stop = false;
    // Six phones at a time, each using up one address after another (60 addresses, LIMIT a minute each).
    const addresses = Array.from({ length: 60 }, (_, i) => `127.0.0.${i + 2}`);
    const phone = async (n: number) => {
      for (let a = n; a < addresses.length && !stop; a += 6) {
        const from = client(addresses[a]);
        for (let i = 0; !stop; i++) {
          const result = await fileOnce(from, `10.9.9.${i}`);
          if (result === 'limited') break;
          acknowledged.push(result);
          await sleep(100);
        }
      }
    };
    // A worker resolving every fifth request meanwhile, through nginx too.
    const staff = client('127.0.0.250');
    const { token } = (
      await staff.postJson('/api/auth/login', { username: 'city', password: PASSWORD })
    ).json<{ token: string }>();
    const resolved = new Set<string>();
    const worker = async () => {
      for (let i = 0; !stop || i < acknowledged.length; i += 5) {
        while (i >= acknowledged.length && !stop) await sleep(50);
        const ticket = acknowledged[i];
        if (!ticket) break;
        const res = await staff
          .postJson(
            `/api/tickets/${ticket.ticketNo}/events`,
            { status: 'resolved', note: '已修复' },
            { authorization: `Bearer ${token}` },
          )
          .catch(() => null);
        // 409: resolved by the try that was cut off.
        if (res?.status === 200 || res?.status === 409) resolved.add(ticket.ticketNo);
        else i -= 5;
      }
    };
    const started = Date.now();
    const until = async (enough: () => boolean, what: string) => {
      while (!enough()) {
        if (Date.now() - started > 50_000) throw new Error(`timed out waiting for ${what}`);
        await sleep(50);
      }
    };

    const load = Promise.all([...Array.from({ length: 6 }, (_, n) => phone(n)), worker()]);
    await until(() => acknowledged.length >= 60, '60 requests');
    const [victim] = servers;
    killed = true;
    await victim.stop('SIGKILL');
    const atKill = acknowledged.length;
    await until(() => acknowledged.length >= atKill + 40, '40 requests on the survivor');
    servers[0] = await startServer({ port: victim.port, dataDir: victim.dataDir, env });
    const atRestart = acknowledged.length;
    await until(() => acknowledged.length >= atRestart + 60, '60 requests after the restart');
    stop = true;
    await load;
    expect(Date.now() - started).toBeLessThan(60_000);
    // Two processes racing on one database answer every request the first time (no deadlock, no lost race).
    expect(failures.beforeKill).toBe(0);

    // Every acknowledged request reads back with its token, through nginx and from each process directly.
    const reader = client('127.0.0.251');
    for (const ack of acknowledged) {
      const read = await reader.get(`/api/tickets/${ack.ticketNo}`, {
        'x-ticket-token': ack.accessToken,
      });
      expect(read.status).toBe(200);
      expect(read.json().content).toBe(ack.content);
    }
    for (const server of servers) {
      const ack = acknowledged[acknowledged.length - 1];
      const direct = await fetch(`${server.url}/api/tickets/${ack.ticketNo}`, {
        headers: { 'x-ticket-token': ack.accessToken },
      });
      expect(direct.status).toBe(200);
    }
    // Made once each, however often it was sent; no address past its limit, whatever it claimed to be.
    const { db } = openDatabase({ databaseUrl: postgres.url, dataDir: servers[1].dataDir });
    try {
      const rows = await db
        .selectFrom('tickets')
        .select('ticket_no')
        .where('content', 'like', `${MARK}%`)
        .execute();
      expect(rows.map((r) => r.ticket_no).sort()).toEqual(
        acknowledged.map((a) => a.ticketNo).sort(),
      );
    } finally {
      await db.destroy();
    }
    const perAddress = new Map<string, number>();
    for (const ack of acknowledged)
      perAddress.set(ack.address, (perAddress.get(ack.address) ?? 0) + 1);
    expect(Math.max(...perAddress.values())).toBeLessThanOrEqual(LIMIT);
    expect(resolved.size).toBeGreaterThan(0);
  });

  it("holds a client's limit across both processes, whatever X-Forwarded-For it sends", async () => {
    const from = client('127.0.0.240');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await from.postJson('/api/tickets', validInput(), {
        'idempotency-key': randomUUID(),
        'x-forwarded-for': `10.9.9.${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(201), 429, 429]);
  });

  it('serves a photo uploaded through one process from the other, and honours its sessions', async () => {
    const [one, two] = servers;
    const form = multipart(IMAGES.jpeg);
    const res = await fetch(`${one.url}/api/uploads`, {
      method: 'POST',
      headers: form.headers,
      body: form.payload,
    });
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const served = await fetch(`${two.url}${url}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(IMAGES.jpeg);

    const signIn = await fetch(`${one.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: PASSWORD }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const me = await fetch(`${two.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
  });

  it('answers /api/stats equal to a recount of the requests', async () => {
    const stats = (await client('127.0.0.252').get('/api/stats')).json<{
      tickets: { total: number; resolved: number; open: number };
    }>();
    const { db } = openDatabase({ databaseUrl: postgres.url, dataDir: servers[1].dataDir });
    try {
      const rows = await db.selectFrom('tickets').select('status').execute();
      const resolved = rows.filter((r) => r.status === 'resolved').length;
      expect(stats.tickets).toMatchObject({
        total: rows.length,
        resolved,
        open: rows.length - resolved,
      });
    } finally {
      await db.destroy();
    }
  });

  it('serves the H5 build from nginx: hashed files for a year, the rest revalidated, compressed', async () => {
    const from = client('127.0.0.253');
    const index = await from.get('/', { 'accept-encoding': 'gzip' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-encoding']).toBe('gzip');
    const hashed = fs
      .readdirSync(path.join(loadH5Dir(), 'js'))
      .find((file) => /\.[0-9a-f]{8,}\.js$/.test(file));
    const asset = await from.get(`/js/${hashed}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const list = await from.get('/api/commitments', { 'accept-encoding': 'gzip' });
    expect(list.headers['content-encoding']).toBe('gzip');
    const tooLarge = await from.postJson('/api/tickets', { content: 'x'.repeat(100_000) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json().code).toBe('payload_too_large');
  });
});
