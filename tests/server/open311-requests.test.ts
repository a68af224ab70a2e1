import { randomUUID } from 'node:crypto';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { manualClock } from '../support/clock';
import { parseXml, xmlItems } from '../support/xml';
import { addStaff, bearer, login } from './auth-fixtures';
import { ROOT, addKey, fmsReport, postRequest, requestIdOf } from './open311-fixtures';
import { submit, validInput } from './tickets-fixtures';

jest.setTimeout(60_000);

// POST requests and GET requests / requests/{id}, as FixMyStreet's Open311 client calls them.
describe.each(DATABASES)('Open311 requests on %s', (dialect) => {
  let ctx: TestContext;
  let key: string;
  let staffToken: string;
  const clock = manualClock('2026-11-30T03:36:53.250Z');
  const get = (path: string) => ctx.app.inject({ method: 'GET', url: `${ROOT}${path}` });
  const staffView = async (ticketNo: string) =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/tickets/${ticketNo}`,
        headers: bearer(staffToken),
      })
    ).json();

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    key = await addKey(ctx.app, { name: '12345热线' });
    await addStaff(ctx.app, {
      username: 'city',
      role: 'admin',
      district: null,
      name: '市级管理员',
    });
    staffToken = (await login(ctx.app, 'city')).token;
  });
  afterAll(() => ctx.destroy());

  it('files a report as FixMyStreet posts it, and answers its number as service_request_id', async () => {
    const res = await postRequest(ctx.app, fmsReport(key, { 'attribute[title]': '路灯' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [request] = xmlItems(res.body, 'request');
    expect(request.service_request_id).toMatch(/^PDS20261130-\d{4}$/);

    const ticket = await staffView(String(request.service_request_id));
    expect(ticket).toMatchObject({
      category: 'municipal',
      district: '新华区',
      location: { lat: 33.737629, long: 113.192661 },
      contactName: 'John Smith',
      phone: '+44 20 7946 0000',
      contactEmail: 'john@example.org',
      anonymous: false,
      status: 'received',
      dueAt: '2026-12-07T03:36:53.250Z',
    });
    // Multi-line, kept as filed (trimmed).
    expect(ticket.content).toContain(
      'detail: 建设路与中兴路交叉口的路灯坏了一个多月，晚上很黑\n\nurl:',
    );
    expect(ticket.events).toEqual([
      expect.objectContaining({ status: 'received', actor: '来源: 12345热线' }),
    ]);
  });

  it('answers JSON as the specification does: a list of one request', async () => {
    const res = await postRequest(ctx.app, fmsReport(key), 'json');
    expect(res.statusCode).toBe(200);
    const [request] = res.json();
    expect(request.service_request_id).toMatch(/^PDS/);
    expect(typeof request.service_notice).toBe('string');
  });

  it('takes an address instead of a location, the district by its Chinese name, an empty last name', async () => {
    const { lat: _lat, long: _long, ...noPlace } = fmsReport(key);
    const res = await postRequest(ctx.app, {
      ...noPlace,
      address_string: '建设路 12 号',
      'attribute[district]': '卫东区',
      first_name: 'Madonna',
      last_name: '',
      phone: '0375-2345678',
    });
    expect(res.statusCode).toBe(200);
    const ticket = await staffView(requestIdOf(res.body));
    expect(ticket).toMatchObject({
      district: '卫东区',
      address: '建设路 12 号',
      location: null,
      contactName: 'Madonna',
      phone: '0375-2345678',
    });
  });

  it('never shows the contact (name, phone, email) in an Open311 answer', async () => {
    const res = await postRequest(ctx.app, fmsReport(key));
    const [request] = xmlItems(
      (await get(`requests/${requestIdOf(res.body)}.xml?api_key=${key}`)).body,
      'request',
    );
    expect(JSON.stringify(request)).not.toMatch(/7946|John|Smith|example\.org/);
  });

  it('keeps nine decimals to six, as the stored location', async () => {
    const res = await postRequest(ctx.app, fmsReport(key, { lat: '33.737629815', long: '113.2' }));
    expect((await staffView(requestIdOf(res.body))).location).toEqual({
      lat: 33.73763,
      long: 113.2,
    });
  });

  it.each([
    ['no api_key', { api_key: '' }, 403, '缺少 api_key'],
    ['a wrong api_key', { api_key: 'not-a-key' }, 403, 'api_key 无效或已吊销'],
    [
      'an unknown service',
      { service_code: 'potholes' },
      404,
      'service_code: 没有这个服务：potholes',
    ],
    ['no service_code', { service_code: '' }, 400, 'service_code: 必填'],
    ['no description', { description: '' }, 400, 'description: 请把问题说清楚，至少 10 个字'],
    [
      'no district',
      { 'attribute[district]': '' },
      400,
      'attribute[district]: 必填，所在县（市、区）',
    ],
    [
      'a district elsewhere',
      { 'attribute[district]': 'haidian' },
      400,
      'attribute[district]: 不是平顶山市的县（市、区）',
    ],
    [
      'a place abroad',
      { lat: '51.5072', long: '-0.1276' },
      400,
      'lat/long: 经度不在中国境内，请重新选择位置',
    ],
    [
      'a phone with a control character',
      { phone: '0375\u001b2345678' },
      400,
      'phone: 电话号码中含有控制字符',
    ],
  ])('refuses %s with the errors body', async (_, change, status, description) => {
    const before = await countTickets();
    const res = await postRequest(ctx.app, fmsReport(key, change));
    expect(res.statusCode).toBe(status);
    expect(xmlItems(res.body, 'error')).toEqual([{ code: String(status), description }]);
    expect(await countTickets()).toBe(before);
  });

  it('refuses a request with no place at all: neither lat/long nor address_string', async () => {
    const { lat: _lat, long: _long, ...noPlace } = fmsReport(key);
    const res = await postRequest(ctx.app, noPlace);
    expect(res.statusCode).toBe(400);
    expect(xmlItems(res.body, 'error')[0].description).toBe('lat/long: 请提供位置（经纬度）或地址');
  });

  it('accepts a description up to the content limit and refuses one longer', async () => {
    const ok = await postRequest(ctx.app, fmsReport(key, { description: '很'.repeat(1000) }));
    expect(ok.statusCode).toBe(200);
    const long = await postRequest(ctx.app, fmsReport(key, { description: '很'.repeat(1001) }));
    expect(xmlItems(long.body, 'error')[0].description).toBe('description: 最多 1000 个字');
  });

  it('takes a JSON body too, its numbers as text', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${ROOT}requests.json`,
      payload: {
        ...fmsReport(key),
        lat: 33.737629,
        long: 113.192661,
        'attribute[district]': 'xinhua',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()[0].service_request_id).toMatch(/^PDS/);
  });

  it('answers a JSON POST’s refusal in JSON', async () => {
    const res = await postRequest(ctx.app, fmsReport('wrong'), 'json');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual([{ code: 403, description: 'api_key 无效或已吊销' }]);
  });

  it('files once per Idempotency-Key when a client sends one', async () => {
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': randomUUID(),
    };
    const payload = new URLSearchParams(fmsReport(key)).toString();
    const send = () =>
      ctx.app.inject({ method: 'POST', url: `${ROOT}requests.xml`, headers, payload });
    const first = await send();
    const second = await send();
    expect(requestIdOf(second.body)).toBe(requestIdOf(first.body));
  });

  it('reads requests by a list of ids, unknown ones left out, and never the contact', async () => {
    const a = requestIdOf((await postRequest(ctx.app, fmsReport(key))).body);
    const b = (await submit(ctx.app, validInput())).json().ticketNo as string;
    const res = await get(
      `requests.xml?api_key=${key}&service_request_id=${a},PDS20200101-0000,${b.toLowerCase()}&jurisdiction_id=x`,
    );
    expect(res.statusCode).toBe(200);
    const requests = xmlItems(res.body, 'request');
    expect(requests.map((r) => r.service_request_id)).toEqual([a, b]);
    expect(requests[1]).toMatchObject({
      service_request_id: b,
      status: 'open',
      status_notes: null,
      service_code: 'municipal',
      service_name: '市政设施',
      description: validInput().content,
      agency_responsible: '新华区',
      requested_datetime: '2026-11-30T03:36:53Z',
      updated_datetime: '2026-11-30T03:36:53Z',
      expected_datetime: '2026-12-07T03:36:53Z',
      address: '新华区 建设路 12 号',
    });
    expect(requests[1]).not.toHaveProperty('lat');
    expect(res.body).not.toMatch(/13812341234|王先生|1234<|7946|john@/);
  });

  it('reads a long list of ids in one URL (every open request at once)', async () => {
    const known = requestIdOf((await postRequest(ctx.app, fmsReport(key))).body);
    const ids = Array.from({ length: 3000 }, (_, i) => `PDS20200101-${String(i).padStart(4, '0')}`);
    const url = `requests.xml?service_request_id=${[...ids, known].join(',')}&api_key=${key}`;
    expect(url.length).toBeGreaterThan(50_000);
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(xmlItems(res.body, 'request').map((r) => r.service_request_id)).toEqual([known]);
  });

  it('reads one request by its id, and 404 for an unknown one', async () => {
    const id = requestIdOf((await postRequest(ctx.app, fmsReport(key))).body);
    const res = await get(`requests/${id}.json?api_key=${key}`);
    expect(res.json()).toEqual([
      expect.objectContaining({ service_request_id: id, lat: 33.737629, long: 113.192661 }),
    ]);
    const missing = await get(`requests/PDS20200101-0000.xml?api_key=${key}`);
    expect(missing.statusCode).toBe(404);
    expect(parseXml(missing.body).root).toBe('errors');
  });

  it('says closed, the latest staff note and when it moved, once staff resolve it', async () => {
    const id = requestIdOf((await postRequest(ctx.app, fmsReport(key))).body);
    clock.advance(3600_000);
    const move = (status: string, note: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/tickets/${id}/events`,
        headers: bearer(staffToken),
        payload: { status, note },
      });
    expect((await move('dispatched', '已派往新华区城管局')).statusCode).toBe(200);
    clock.advance(3600_000);
    expect((await move('resolved', '路灯已修复')).statusCode).toBe(200);
    const [request] = xmlItems((await get(`requests/${id}.xml?api_key=${key}`)).body, 'request');
    expect(request).toMatchObject({
      status: 'closed',
      status_notes: '路灯已修复',
      updated_datetime: '2026-11-30T05:36:53Z',
    });
    clock.set('2026-11-30T03:36:53.250Z');
  });

  async function countTickets(): Promise<number> {
    const { n } = await ctx.app.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
});
