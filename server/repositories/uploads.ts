import fs from 'node:fs';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';

type Db = Kysely<Database> | Transaction<Database>;

/** The image types a photo may be, told by the file's first bytes (never by its name or declared type). */
export const IMAGE_TYPES = [
  { contentType: 'image/jpeg', ext: 'jpg', matches: (b: Buffer) => starts(b, [0xff, 0xd8, 0xff]) },
  {
    contentType: 'image/png',
    ext: 'png',
    matches: (b: Buffer) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    contentType: 'image/gif',
    ext: 'gif',
    matches: (b: Buffer) =>
      b
        .subarray(0, 6)
        .toString('latin1')
        .match(/^GIF8[79]a$/) !== null,
  },
  {
    contentType: 'image/webp',
    ext: 'webp',
    matches: (b: Buffer) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
] as const;

function starts(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}

export function sniffImage(buffer: Buffer) {
  return IMAGE_TYPES.find((type) => type.matches(buffer));
}

/** Names this server gives uploads: 32 hex characters (128 random bits) and the checked type's extension. */
export const UPLOAD_NAME = /^[0-9a-f]{32}\.(jpg|png|gif|webp)$/;

/**
 * The upload a photo URL points at: `/api/uploads/<name>`, or the same path on a full URL (the mini-program
 * sees the API under its base URL). Null for anything else.
 */
export function uploadNameOf(url: string): string | null {
  let path = url.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return null;
    }
  }
  const match = /^\/api\/uploads\/([^/?#]+)$/.exec(path);
  return match && UPLOAD_NAME.test(match[1]) ? match[1] : null;
}

export async function recordUpload(
  db: Db,
  upload: { name: string; contentType: string; size: number; createdAt: string },
) {
  await db
    .insertInto('uploads')
    .values({
      name: upload.name,
      content_type: upload.contentType,
      size: upload.size,
      created_at: upload.createdAt,
      attached_at: null,
    })
    .execute();
}

export async function findUpload(db: Db, name: string) {
  return db.selectFrom('uploads').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Which of these names are uploads this server made. */
export async function findUploadNames(db: Db, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db.selectFrom('uploads').select('name').where('name', 'in', names).execute();
  return new Set(rows.map((r) => r.name));
}

/**
 * Marks uploads as used, in the transaction that writes what uses them; an unused upload is deleted after a while.
 * False when one of them is not (or, swept a moment ago, no longer) here. The update locks the rows, so a sweep
 * running at the same time either deleted them first or leaves them alone.
 */
export async function attachUploads(db: Db, names: string[], at: string): Promise<boolean> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return true;
  const result = await db
    .updateTable('uploads')
    .set((eb) => ({ attached_at: eb.fn.coalesce('attached_at', eb.val(at)) }))
    .where('name', 'in', unique)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === unique.length;
}

/** How long a photo nobody used is kept: long enough for a draft or a queued request to come back to it. */
export const UNUSED_UPLOAD_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** Deletes the records of uploads unused since before the retention period, a batch at a time; returns their names. */
async function deleteUnusedRecords(db: Db, now: Date, batch = 500): Promise<string[]> {
  const before = new Date(now.getTime() - UNUSED_UPLOAD_RETENTION_MS).toISOString();
  const candidates = await db
    .selectFrom('uploads')
    .select('name')
    .where('attached_at', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(batch)
    .execute();
  if (candidates.length === 0) return [];
  const deleted = await db
    .deleteFrom('uploads')
    .where(
      'name',
      'in',
      candidates.map((c) => c.name),
    )
    // Used since it was picked: keep it.
    .where('attached_at', 'is', null)
    .returning('name')
    .execute();
  return deleted.map((d) => d.name);
}

/**
 * Deletes the photos picked for a form that was never sent, once the retention period is over: the record first,
 * so that none ever points at a missing file. Returns how many went.
 */
export async function deleteUnusedUploads(db: Db, dir: string, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const names = await deleteUnusedRecords(db, now);
    if (names.length === 0) return total;
    await Promise.all(names.map((name) => fs.promises.rm(path.join(dir, name), { force: true })));
    total += names.length;
  }
}
