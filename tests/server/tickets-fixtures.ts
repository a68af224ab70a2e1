import { randomBytes, randomUUID } from 'node:crypto';
import type { TicketInput } from '../../src/domain/ticket';
import type { TestApp } from '../support/test-app';

/** A request as the form sends it. */
export function validInput(overrides: Record<string, unknown> = {}): TicketInput {
  return {
    category: 'municipal',
    content: '建设路与中兴路交叉口的路灯坏了一个多月，晚上很黑',
    district: '新华区',
    address: '建设路 12 号',
    anonymous: false,
    contactName: '王先生',
    phone: '13812341234',
    consent: true,
    ...overrides,
  } as TicketInput;
}

export async function submit(
  app: TestApp,
  body: unknown,
  {
    key = randomUUID(),
    headers = {},
  }: { key?: string | null; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...(key !== null && { 'idempotency-key': key }), ...headers },
    payload: body as object,
  });
}

export async function countTickets(app: TestApp): Promise<number> {
  const { n } = await app.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function countRows(app: TestApp): Promise<Record<string, number>> {
  const tables = ['tickets', 'ticket_events', 'ticket_idempotency_keys', 'ticket_ratings'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { n } = await app.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(n);
  }
  return out;
}

export const ticketToken = (token: string) => ({ 'x-ticket-token': token });

/** Smallest files that start the way each image type does. */
export const IMAGES = {
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(64),
  ]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]),
  gif: Buffer.concat([Buffer.from('GIF89a', 'latin1'), randomBytes(64)]),
  webp: Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    Buffer.from([0x40, 0, 0, 0]),
    Buffer.from('WEBPVP8 ', 'latin1'),
    randomBytes(64),
  ]),
};

/** A multipart/form-data body with one file, as `Taro.uploadFile` sends it. */
export function multipart(
  content: Buffer,
  { filename = 'photo.jpg', contentType = 'image/jpeg', field = 'file' } = {},
) {
  const boundary = `----minsheng${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function uploadPhoto(app: TestApp, image: Buffer = IMAGES.png): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/uploads', ...multipart(image) });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { url: string }).url;
}

/** A clock the test moves by hand. */
export function manualClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set(iso: string) {
      now = new Date(iso);
    },
    advanceHours(hours: number) {
      now = new Date(now.getTime() + hours * 3600 * 1000);
    },
  };
}
