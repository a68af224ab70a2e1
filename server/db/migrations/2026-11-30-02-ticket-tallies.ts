import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Figures that do not grow with the data (docs/decisions/011): the request counts per district, category and status,
// how many of the open ones are counted overdue, the ratings per district and category, and the hours from filing to
// the first resolution as a histogram; all maintained in the transaction of the change that moves them. The staff
// queue gets one index per combination of filters, each ending in its order (due_at, id), so every page is a range.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 1 once the overdue sweep has counted an open request as overdue in ticket_tallies.overdue.
  await db.schema
    .alterTable('tickets')
    .addColumn('overdue_counted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('ticket_tallies')
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tickets', 'integer', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tallies_pk', ['district', 'category', 'status'])
    .execute();
  await db.schema
    .createTable('ticket_rating_tallies')
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rated', 'integer', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_rating_tallies_pk', ['district', 'category'])
    .execute();
  await db.schema
    .createTable('ticket_resolve_hours')
    .addColumn('hour', 'integer', (c) => c.primaryKey())
    .addColumn('tickets', 'integer', (c) => c.notNull())
    .execute();

  await db.schema.dropIndex('tickets_queue_idx').execute();
  await db.schema.dropIndex('tickets_due_idx').execute();
  const queueIndexes: Array<[string, string[]]> = [
    ['tickets_status_due_idx', ['status']],
    ['tickets_district_status_due_idx', ['district', 'status']],
    ['tickets_category_status_due_idx', ['category', 'status']],
    ['tickets_district_category_status_due_idx', ['district', 'category', 'status']],
  ];
  for (const [name, columns] of queueIndexes) {
    await db.schema
      .createIndex(name)
      .on('tickets')
      .columns([...columns, 'due_at', 'id'])
      .execute();
  }
  // Open requests only: those past due the sweep has not counted yet, and (after a clock set back) the reverse.
  await db.schema
    .createIndex('tickets_open_overdue_idx')
    .on('tickets')
    .columns(['overdue_counted', 'due_at'])
    .where(sql.ref('status'), '<>', sql.lit('resolved'))
    .execute();

  // The figures of the requests already here. Satisfied scores as they stand today: 2 (基本满意) and 3 (满意).
  await sql`insert into ticket_tallies (district, category, status, tickets, overdue)
    select district, category, status, count(*), 0 from tickets
    group by district, category, status`.execute(db);
  await sql`insert into ticket_rating_tallies (district, category, rated, satisfied)
    select t.district, t.category, count(*), sum(case when r.score in (2, 3) then 1 else 0 end)
    from ticket_ratings r join tickets t on t.id = r.ticket_id
    group by t.district, t.category`.execute(db);
  const { rows } = await sql<{ created_at: string; first_resolved_at: string }>`
    select created_at, first_resolved_at from tickets where first_resolved_at is not null`.execute(
    db,
  );
  const hours = new Map<number, number>();
  for (const row of rows) {
    const hour = Math.floor(
      (Date.parse(row.first_resolved_at) - Date.parse(row.created_at)) / 3_600_000,
    );
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  for (const [hour, tickets] of hours) {
    await sql`insert into ticket_resolve_hours (hour, tickets) values (${hour}, ${tickets})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'tickets_open_overdue_idx',
    'tickets_status_due_idx',
    'tickets_district_status_due_idx',
    'tickets_category_status_due_idx',
    'tickets_district_category_status_due_idx',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema
    .createIndex('tickets_queue_idx')
    .on('tickets')
    .columns(['district', 'status', 'due_at'])
    .execute();
  await db.schema.createIndex('tickets_due_idx').on('tickets').columns(['due_at', 'id']).execute();
  await db.schema.dropTable('ticket_resolve_hours').execute();
  await db.schema.dropTable('ticket_rating_tallies').execute();
  await db.schema.dropTable('ticket_tallies').execute();
  await db.schema.alterTable('tickets').dropColumn('overdue_counted').execute();
}
