import { DISTRICTS } from '../../src/domain/districts';
import { TICKET_CATEGORIES } from '../../src/domain/ticket';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { parseXml, xmlItems, type XmlElement } from '../support/xml';
import { ROOT } from './open311-fixtures';

jest.setTimeout(30_000);

// GET services and GET services/{code}: public, no key; XML as the specification's examples, JSON too.
describe.each(DATABASES)('Open311 services on %s', (dialect) => {
  let ctx: TestContext;
  const get = (path: string) => ctx.app.inject({ method: 'GET', url: `${ROOT}${path}` });

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  it('lists one service per request category, as XML with a declaration and no namespaces', async () => {
    const res = await get('services.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(res.body).not.toContain('xmlns');
    const { root, encoding } = parseXml(res.body);
    expect([root, encoding]).toEqual(['services', 'utf-8']);
    const services = xmlItems(res.body, 'service');
    expect(services.map((s) => s.service_code)).toEqual(TICKET_CATEGORIES.map((c) => c.code));
    expect(services[0]).toEqual({
      service_code: 'municipal',
      service_name: '市政设施',
      description: '路灯、道路、井盖、供水供气（7 天内办结）',
      metadata: 'true',
      type: 'realtime',
      keywords: '路灯,道路,井盖,供水供气',
      group: '民呼必应',
    });
    const names = services.map((s) => s.service_name);
    expect(new Set(names).size).toBe(names.length);
    expect(services.every((s) => /^[a-z_]+$/.test(String(s.service_code)))).toBe(true);
  });

  it('answers the same list as JSON', async () => {
    const res = await get('services.json');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const services = res.json();
    expect(services).toHaveLength(TICKET_CATEGORIES.length);
    expect(services[9]).toMatchObject({ service_code: 'other', metadata: true, type: 'realtime' });
  });

  it('defines the district as a required list of the twelve districts, with ASCII keys', async () => {
    const res = await get('services/safety.xml');
    expect(res.statusCode).toBe(200);
    const { root, body } = parseXml(res.body);
    expect(root).toBe('service_definition');
    expect(body.service_code).toBe('safety');
    const [district] = (body.attributes as XmlElement).attribute as XmlElement[];
    expect(district).toMatchObject({
      variable: 'true',
      code: 'district',
      datatype: 'singlevaluelist',
      required: 'true',
      order: '1',
      description: '所在县（市、区）',
    });
    const values = (district.values as XmlElement).value as XmlElement[];
    expect(values.map((v) => v.name)).toEqual([...DISTRICTS]);
    expect(values.every((v) => /^[a-z]+$/.test(String(v.key)))).toBe(true);
    expect(Number.isInteger(Number(district.order))).toBe(true);
  });

  it('defines a service as JSON, its order a number', async () => {
    const res = await get('services/municipal.json');
    const definition = res.json();
    expect(definition.attributes[0]).toMatchObject({ code: 'district', order: 1, required: true });
    expect(definition.attributes[0].values[0]).toEqual({ key: 'xinhua', name: '新华区' });
  });

  it('answers an unknown service with 404 and the errors body', async () => {
    const res = await get('services/potholes.xml');
    expect(res.statusCode).toBe(404);
    const errors = xmlItems(res.body, 'error');
    expect(errors).toEqual([{ code: '404', description: '没有这个服务：potholes' }]);
    const json = await get('services/potholes.json');
    expect(json.json()).toEqual([{ code: 404, description: '没有这个服务：potholes' }]);
  });

  it('takes jurisdiction_id and ignores parameters it does not know', async () => {
    const res = await get('services.xml?jurisdiction_id=pingdingshan.gov.cn&foo=bar&api_key=wrong');
    expect(res.statusCode).toBe(200);
  });

  it('answers the root and discovery with the service discovery document', async () => {
    for (const path of ['', 'discovery.xml']) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      const { root, body } = parseXml(res.body);
      expect(root).toBe('discovery');
      const [endpoint] = (body.endpoints as XmlElement).endpoint as XmlElement[];
      expect(endpoint.specification).toBe('http://wiki.open311.org/GeoReport_v2');
      expect((endpoint.formats as XmlElement).format).toEqual(['text/xml', 'application/json']);
    }
  });

  it('answers any other path under the root with 404 in the errors body, never a redirect or the app', async () => {
    for (const path of ['discovery', 'services.html', 'tokens/abc.xml', 'services/']) {
      const res = await get(path);
      expect([path, res.statusCode]).toEqual([path, 404]);
      expect(parseXml(res.body).root).toBe('errors');
    }
    const put = await ctx.app.inject({ method: 'DELETE', url: `${ROOT}services.xml` });
    expect(put.statusCode).toBe(404);
  });
});
