import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A progress update says which day its figure describes (as_of, a Beijing date); a commitment keeps the day of its
// current figure (and when that figure was posted, for ties), and the first day its target was reached, from which
// its verdict is derived after the deadline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('commitment_updates').addColumn('as_of', 'text').execute();
  await db.schema.alterTable('commitments').addColumn('current_as_of', 'text').execute();
  await db.schema.alterTable('commitments').addColumn('current_posted_at', 'text').execute();
  await db.schema.alterTable('commitments').addColumn('reached_on', 'text').execute();

  // Updates posted so far described the day they were posted on, in Beijing (UTC+8).
  const { rows } = await sql<{ id: string; created_at: string }>`
    select id, created_at from commitment_updates`.execute(db);
  for (const row of rows) {
    const asOf = new Date(Date.parse(row.created_at) + 8 * 3600 * 1000).toISOString().slice(0, 10);
    await sql`update commitment_updates set as_of = ${asOf} where id = ${row.id}`.execute(db);
  }
  await sql`update commitments set
    current_posted_at = updated_at,
    current_as_of = (select u.as_of from commitment_updates u where u.commitment_id = commitments.id
                     order by u.created_at desc, u.id desc limit 1),
    reached_on = (select min(u.as_of) from commitment_updates u
                  where u.commitment_id = commitments.id and u.percent >= 100)`.execute(db);

  await db.schema
    .createIndex('commitment_updates_as_of_idx')
    .on('commitment_updates')
    .columns(['commitment_id', 'as_of', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('commitment_updates_as_of_idx').execute();
  await db.schema.alterTable('commitments').dropColumn('reached_on').execute();
  await db.schema.alterTable('commitments').dropColumn('current_posted_at').execute();
  await db.schema.alterTable('commitments').dropColumn('current_as_of').execute();
  await db.schema.alterTable('commitment_updates').dropColumn('as_of').execute();
}
