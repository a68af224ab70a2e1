import type { StaffRole } from '../../src/domain/staff';
import type { District } from '../../src/domain/districts';
import { hashPassword } from '../../server/auth/crypto';
import { createStaff } from '../../server/repositories/staff';
import type { TestApp } from '../support/test-app';

export const PASSWORD = 'yingcheng2020';

/** A worker or admin account straight in the database, as the CLI would make it. */
export async function addStaff(
  app: TestApp,
  {
    username,
    role = 'worker',
    district = '新华区',
    name = '张网格',
  }: {
    username: string;
    role?: StaffRole;
    district?: District | null;
    name?: string;
  },
) {
  const account = { username, name, role, district, passwordHash: await hashPassword(PASSWORD) };
  const result = await createStaff(app.db, { account, now: app.now() });
  if (result.kind !== 'created') throw new Error(`username ${username} is taken`);
  return result.staff;
}

export async function login(app: TestApp, username: string, password = PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return res.json() as { token: string; worker: { id: string; name: string } };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
