import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/auth/crypto';
import { openDatabase } from '../../server/db/database';
import { createStaff } from '../../server/repositories/staff';
import type { ServerProcess } from '../support/server-process';
import type { WechatStandIn } from '../support/wechat-stand-in';
import { PASSWORD } from './auth-fixtures';
import { validInput } from './tickets-fixtures';

/*
 * The real server as child processes (server/server.ts), with the WeChat settings pointing at the test's stand-in:
 * for notices that must survive a kill -9, and for processes that share one PostgreSQL.
 */

export function serverEnv(standIn: WechatStandIn, databaseUrl?: string): Record<string, string> {
  return {
    ...standIn.env,
    TICKET_RATE_LIMIT: '1000000',
    LOG_LEVEL: 'error',
    H5_DIR: '/nonexistent-h5',
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
  };
}

/** An admin account written straight into the server's database, as `npm run worker -- add` would. */
export async function addAdmin(
  server: ServerProcess,
  databaseUrl: string | undefined,
): Promise<string> {
  const { db } = openDatabase({ databaseUrl, dataDir: server.dataDir });
  const username = `admin-${randomUUID().slice(0, 8)}`;
  try {
    const account = {
      username,
      name: '市级管理员',
      role: 'admin' as const,
      district: null,
      passwordHash: await hashPassword(PASSWORD),
    };
    await createStaff(db, { account, now: new Date() });
  } finally {
    await db.destroy();
  }
  const { token } = await call<{ token: string }>(server, 'POST', '/api/auth/login', {
    body: { username, password: PASSWORD },
  });
  return token;
}

export async function call<T>(
  server: ServerProcess,
  method: 'GET' | 'POST',
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Through `server`: citizen `code` signs in, files a request, allows its notice; staff dispatch it. One notice
 * queued; answers the request's number.
 */
export async function queueNotice(
  server: ServerProcess,
  { code, staffToken }: { code: string; staffToken: string },
): Promise<string> {
  const { token } = await call<{ token: string }>(server, 'POST', '/api/citizen/session', {
    body: { code },
  });
  const auth = { authorization: `Bearer ${token}` };
  const { ticketNo } = await call<{ ticketNo: string }>(server, 'POST', '/api/tickets', {
    body: validInput(),
    headers: { ...auth, 'idempotency-key': randomUUID() },
  });
  await call(server, 'POST', `/api/tickets/${ticketNo}/subscription`, {
    body: { templateId: 'status-template' },
    headers: auth,
  });
  await call(server, 'POST', `/api/tickets/${ticketNo}/events`, {
    body: { status: 'dispatched', note: `已派单：${code}` },
    headers: { authorization: `Bearer ${staffToken}` },
  });
  return ticketNo;
}

/** Each delivered notice as `ticketNo status`, to count repeats. */
export function deliveredKeys(standIn: WechatStandIn): string[] {
  return standIn.state.delivered.map(
    (n) => `${n.data.character_string1.value} ${n.data.phrase2.value}`,
  );
}
