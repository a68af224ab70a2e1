import { createApiKey } from '../../server/repositories/api-keys';
import type { TestApp } from '../support/test-app';

export const ROOT = '/open311/v2/';
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A key for a system, straight in the database as the CLI makes it; answers the key. */
export async function addKey(
  app: TestApp,
  { name = '12345热线', allow = [] }: { name?: string; allow?: string[] } = {},
): Promise<string> {
  return (await createApiKey(app.db, { name, allow, now: app.now() })).key;
}

/** What FixMyStreet's client posts for a report: lat/long, the contact split in two, attributes in brackets. */
export function fmsReport(apiKey: string, overrides: Record<string, string | string[]> = {}) {
  return {
    api_key: apiKey,
    service_code: 'municipal',
    description:
      'title: 建设路路灯不亮\n\ndetail: 建设路与中兴路交叉口的路灯坏了一个多月，晚上很黑\n\nurl: https://fms.example/report/42\n\nSubmitted via FixMyStreet\n',
    lat: '33.737629',
    long: '113.192661',
    first_name: 'John',
    last_name: 'Smith',
    email: 'john@example.org',
    phone: '+44 20 7946 0000',
    'attribute[district]': 'xinhua',
    'attribute[fixmystreet_id]': '42',
    ...overrides,
  };
}

/** A form body as HTTP::Request::Common writes it: UTF-8, percent-encoded, a repeated key for a list. */
export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params.toString();
}

export async function postRequest(
  app: TestApp,
  fields: Record<string, string | string[]>,
  format: 'xml' | 'json' = 'xml',
) {
  return app.inject({
    method: 'POST',
    url: `${ROOT}requests.${format}`,
    headers: FORM,
    payload: formBody(fields),
  });
}

/** The id a POST answered with (XML). */
export function requestIdOf(body: string): string {
  const match = /<service_request_id>([^<]+)<\/service_request_id>/.exec(body);
  if (!match) throw new Error(`no service_request_id in ${body}`);
  return match[1];
}
