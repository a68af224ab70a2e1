import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Uploads learn when a request or a progress update first used them, so that photos nobody used can be deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('uploads').addColumn('attached_at', 'text').execute();
  await db.schema.createIndex('uploads_created_idx').on('uploads').column('created_at').execute();

  // Photos already in use: their names stand in the JSON lists of tickets and commitment updates.
  for (const table of ['tickets', 'commitment_updates']) {
    const { rows } = await sql<{ photos: string; created_at: string }>`
      select photos, created_at from ${sql.table(table)} where photos <> '[]'`.execute(db);
    for (const row of rows) {
      const names = (JSON.parse(row.photos) as string[]).map((url) => url.split('/').pop());
      if (names.length === 0) continue;
      await sql`update uploads set attached_at = ${row.created_at}
        where attached_at is null and name in (${sql.join(names)})`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('uploads_created_idx').execute();
  await db.schema.alterTable('uploads').dropColumn('attached_at').execute();
}
