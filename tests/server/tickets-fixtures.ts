import { randomUUID } from 'node:crypto';
import type { TicketInput } from '../../src/domain/ticket';
import { IMAGES } from '../support/images';
import { multipart } from '../support/multipart';
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

/** Uploads a photo as the app does, and answers its URL. */
export async function uploadPhoto(app: TestApp, image: Buffer = IMAGES.png): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/uploads', ...multipart(image) });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { url: string }).url;
}
