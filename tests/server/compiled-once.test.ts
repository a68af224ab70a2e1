import type { Kysely } from 'kysely';
import type { District } from '../../src/domain/districts';
import type { StaffRole } from '../../src/domain/staff';
import { compiledOnce } from '../../server/db/compiled-once';
import type { Database } from '../../server/db/tables';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff } from './auth-fixtures';

interface StaffQuery {
  role?: StaffRole;
  district?: District;
  after: string;
}

describe.each(DATABASES)('a query compiled once on %s', (dialect) => {
  let ctx: TestContext;
  const builds: StaffQuery[] = [];
  // Staff by role (the shape) and district (a value, or no filter), after a username (a value).
  const staffQuery = compiledOnce(
    ['role'],
    (db: Kysely<Database>, { role, district, after }: StaffQuery) => {
      builds.push({ role, district, after });
      let query = db.selectFrom('staff').select('username').where('username', '>', after);
      if (role === 'admin') query = query.where('role', '=', 'admin');
      if (role === 'worker') query = query.where('role', '<>', 'admin');
      if (district) query = query.where('district', '=', district);
      return query.orderBy('username');
    },
  );
  const usernames = async (query: StaffQuery) => {
    const { rows } = await ctx.app.db.executeQuery(staffQuery(ctx.app.db, query)!);
    return rows.map((row) => row.username);
  };

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    await addStaff(ctx.app, { username: 'a-xinhua', district: '新华区' });
    await addStaff(ctx.app, { username: 'b-weidong', district: '卫东区' });
    await addStaff(ctx.app, { username: 'c-xinhua', district: '新华区' });
    await addStaff(ctx.app, { username: 'd-admin', role: 'admin', district: null });
  });
  afterAll(() => ctx.destroy());

  it('runs each call with its own values', async () => {
    expect(await usernames({ role: 'worker', district: '新华区', after: '' })).toEqual([
      'a-xinhua',
      'c-xinhua',
    ]);
    expect(await usernames({ role: 'worker', district: '卫东区', after: '' })).toEqual([
      'b-weidong',
    ]);
    expect(await usernames({ role: 'worker', district: '新华区', after: 'a-xinhua' })).toEqual([
      'c-xinhua',
    ]);
  });

  it('builds a query of its own for a value not given, and for each value of a shape key', async () => {
    expect(await usernames({ role: 'worker', after: 'a' })).toEqual([
      'a-xinhua',
      'b-weidong',
      'c-xinhua',
    ]);
    expect(await usernames({ role: 'admin', after: '' })).toEqual(['d-admin']);
    expect(await usernames({ role: 'admin', district: undefined, after: '' })).toEqual(['d-admin']);
    expect(await usernames({ after: 'c' })).toEqual(['c-xinhua', 'd-admin']);
  });

  it('builds once a shape, from stand-ins', () => {
    expect(builds.map(({ role, district }) => [role, district !== undefined])).toEqual([
      ['worker', true],
      ['worker', false],
      ['admin', false],
      [undefined, false],
    ]);
    expect(builds.every(({ after }) => typeof after !== 'string')).toBe(true);
  });
});
