import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { xmlItems } from '../support/xml';
import { addStaff, bearer, login } from './auth-fixtures';
import { ROOT, addKey } from './open311-fixtures';
import { countTickets, submit, ticketToken, validInput } from './tickets-fixtures';

jest.setTimeout(30_000);

const PLACE = { lat: 33.737629, long: 113.192661 };

// A place on the map on POST /api/tickets: checked by the domain, stored, shown to staff, carried by Open311.
describe.each(DATABASES)('a request’s location on %s', (dialect) => {
  let ctx: TestContext;
  let staffToken: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    await addStaff(ctx.app, { username: 'zhang', district: '新华区', name: '张网格' });
    staffToken = (await login(ctx.app, 'zhang')).token;
  });
  afterAll(() => ctx.destroy());

  it('keeps the location and shows it to the staff who handle the request', async () => {
    const res = await submit(ctx.app, validInput({ location: PLACE }));
    expect(res.statusCode).toBe(201);
    const { ticketNo, accessToken, location } = res.json();
    expect(location).toEqual(PLACE);
    const staff = await ctx.app.inject({
      method: 'GET',
      url: `/api/tickets/${ticketNo}`,
      headers: bearer(staffToken),
    });
    expect(staff.json().location).toEqual(PLACE);
    const own = await ctx.app.inject({
      method: 'GET',
      url: `/api/tickets/${ticketNo}`,
      headers: ticketToken(accessToken),
    });
    expect(own.json()).toMatchObject({ location: PLACE, contactEmail: null });

    const key = await addKey(ctx.app);
    const open311 = await ctx.app.inject({
      method: 'GET',
      url: `${ROOT}requests/${ticketNo}.xml?api_key=${key}`,
    });
    expect(xmlItems(open311.body, 'request')[0]).toMatchObject({
      lat: '33.737629',
      long: '113.192661',
    });
  });

  it('files a request without one, as before', async () => {
    const res = await submit(ctx.app, validInput());
    expect(res.statusCode).toBe(201);
    expect(res.json().location).toBeNull();
  });

  it.each([
    [
      'outside China',
      { lat: 48.8566, long: 2.3522 },
      'location',
      '经度不在中国境内，请重新选择位置',
    ],
    ['with seven decimals', { lat: 33.7376291, long: 113.192661 }, 'location', '纬度最多 6 位小数'],
    ['as text', { lat: '33.7', long: '113.2' }, 'location.lat', '类型不正确，应为数字'],
    ['with more than two fields', { ...PLACE, accuracy: 5 }, 'location.accuracy', '不支持这个字段'],
    ['without a longitude', { lat: 33.7 }, 'location.long', '必填'],
  ])('refuses a location %s and writes nothing', async (_, location, field, message) => {
    const before = await countTickets(ctx.app);
    const res = await submit(ctx.app, validInput({ location }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual({ field, message });
    expect(await countTickets(ctx.app)).toBe(before);
  });
});
