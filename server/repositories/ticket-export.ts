import type { Kysely } from 'kysely';
import type { District } from '../../src/domain/districts';
import { beijingDayStart, type ExportRange, type TicketExportRow } from '../../src/domain/exports';
import type { RatingScore, TicketCategory, TicketStatus } from '../../src/domain/ticket';
import type { Database } from '../db/tables';

export interface TicketExportQuery {
  /** One district (a worker's own, or the one an admin asks for); undefined for every district. */
  district?: District;
  range: ExportRange;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The requests filed in the range, in filing order, one page at a time: each page is the next range of an index
 * (tickets_created_idx, or tickets_district_created_idx for one district) after the last (created_at, id) read, and
 * is read only when the one before has been taken, so that a year of requests never sits in memory at once.
 */
export async function* exportTicketPages(
  db: Kysely<Database>,
  { query, pageSize = 1000 }: { query: TicketExportQuery; pageSize?: number },
): AsyncGenerator<TicketExportRow[]> {
  const { district, range } = query;
  const from = range.from ? beijingDayStart(range.from) : '';
  const until = range.to
    ? new Date(Date.parse(beijingDayStart(range.to)) + DAY_MS).toISOString()
    : null;
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    let page = db
      .selectFrom('tickets')
      .select([
        'id',
        'ticket_no',
        'category',
        'district',
        'status',
        'created_at',
        'due_at',
        'first_resolved_at',
        'resolved_at',
        'resolution_count',
        'phone',
      ])
      .where('created_at', '>=', from);
    if (until) page = page.where('created_at', '<', until);
    if (district) page = page.where('district', '=', district);
    if (after) {
      const { createdAt, id } = after;
      page = page.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(createdAt, id)));
    }
    const rows = await page.orderBy('created_at').orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return;
    const ratings = await db
      .selectFrom('ticket_ratings')
      .select(['ticket_id', 'resolution', 'score'])
      .where(
        'ticket_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const latest = new Map<string, { resolution: number; score: number }>();
    for (const r of ratings) {
      const seen = latest.get(r.ticket_id);
      if (!seen || seen.resolution < r.resolution) latest.set(r.ticket_id, r);
    }
    yield rows.map((r) => ({
      ticketNo: r.ticket_no,
      category: r.category as TicketCategory,
      district: r.district as District,
      status: r.status as TicketStatus,
      createdAt: r.created_at,
      dueAt: r.due_at,
      firstResolvedAt: r.first_resolved_at,
      resolvedAt: r.resolved_at,
      resolutions: Number(r.resolution_count),
      rating: (latest.get(r.id)?.score ?? null) as RatingScore | null,
      phone: r.phone,
    }));
    const last = rows[rows.length - 1];
    if (rows.length < pageSize) return;
    after = { createdAt: last.created_at, id: last.id };
  }
}
