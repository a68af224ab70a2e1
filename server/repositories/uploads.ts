import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  UNUSED_UPLOAD_RETENTION_MS,
  UPLOAD_NAME,
  uploadNameOf,
  uploadUrl,
} from '../../src/domain/uploads';
import type { Database } from '../db/tables';
import { LostRace } from './idempotency';

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

/** A photo this server keeps: its name under /api/uploads/, and what to answer it with. */
export interface StoredUpload {
  name: string;
  contentType: string;
  size: number;
}

/** A fresh upload name: 128 random bits and the checked type's extension (`UPLOAD_NAME`). */
export function newUploadName(ext: string): string {
  return `${randomBytes(16).toString('hex')}.${ext}`;
}

/**
 * Records an upload; with `data`, its bytes too, in the same transaction (photos kept in PostgreSQL). Without, the
 * caller has written the file already.
 */
export async function recordUpload(
  db: Kysely<Database>,
  { upload, data, now }: { upload: StoredUpload; data?: Buffer; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('uploads')
      .values({
        name: upload.name,
        content_type: upload.contentType,
        size: upload.size,
        created_at: now.toISOString(),
        attached_at: null,
      })
      .execute();
    if (data) await trx.insertInto('upload_blobs').values({ name: upload.name, data }).execute();
  });
}

/** The bytes of a photo kept in the database, or undefined. */
export async function findUploadBytes(
  db: Kysely<Database>,
  { name }: { name: string },
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('upload_blobs')
    .select('data')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.data;
}

/** PostgreSQL: what the photos' bytes take on disk (the table with its TOAST and index), without counting rows. */
export async function uploadBytesStored(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ bytes: number }>`
    select pg_total_relation_size('upload_blobs') as bytes`.execute(db);
  return Number(rows[0]?.bytes ?? 0);
}

/** The upload of this name, or undefined for a name this server never gave (or has since deleted). */
export async function findUpload(
  db: Kysely<Database>,
  { name }: { name: string },
): Promise<StoredUpload | undefined> {
  if (!UPLOAD_NAME.test(name)) return undefined;
  const row = await db
    .selectFrom('uploads')
    .select(['name', 'content_type', 'size'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row && { name: row.name, contentType: row.content_type, size: row.size };
}

/**
 * The URLs to store for these photos, or null when one of them is not an upload this server has (a foreign URL, a
 * made-up name, one swept as unused). Writes nothing: the caller refuses with nothing to undo.
 */
export async function usablePhotos(
  trx: Transaction<Database>,
  { photos }: { photos: string[] },
): Promise<string[] | null> {
  const names = photos.map(uploadNameOf);
  if (names.some((name) => name === null)) return null;
  const unique = [...new Set(names as string[])];
  if (unique.length > 0) {
    const found = await trx
      .selectFrom('uploads')
      .select('name')
      .where('name', 'in', unique)
      .execute();
    if (found.length !== unique.length) return null;
  }
  return (names as string[]).map(uploadUrl);
}

/**
 * Marks usable photos (`usablePhotos`) as used, in the transaction that writes what uses them; an unused upload is
 * deleted after a while. The update locks the rows, so a sweep running at the same time either deleted them first
 * (this transaction then lost the race and runs again) or leaves them alone.
 */
export async function markPhotosUsed(
  trx: Transaction<Database>,
  { photos, now }: { photos: string[]; now: Date },
): Promise<void> {
  const unique = [...new Set(photos.map((url) => uploadNameOf(url)!))];
  if (unique.length === 0) return;
  const at = now.toISOString();
  const result = await trx
    .updateTable('uploads')
    .set((eb) => ({ attached_at: eb.fn.coalesce('attached_at', eb.val(at)) }))
    .where('name', 'in', unique)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== unique.length) throw new LostRace();
}

/** `usablePhotos`, then marked used: the URLs to store, or null (nothing written) when one is not usable. */
export async function attachPhotos(
  trx: Transaction<Database>,
  { photos, now }: { photos: string[]; now: Date },
): Promise<string[] | null> {
  const urls = await usablePhotos(trx, { photos });
  if (urls) await markPhotosUsed(trx, { photos: urls, now });
  return urls;
}

/** Deletes the records of uploads unused since before the retention period, 500 at a time; returns their names. */
async function deleteUnusedRecords(
  db: Kysely<Database>,
  { now }: { now: Date },
): Promise<string[]> {
  const before = new Date(now.getTime() - UNUSED_UPLOAD_RETENTION_MS).toISOString();
  const candidates = await db
    .selectFrom('uploads')
    .select('name')
    .where('attached_at', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(500)
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
 * so that none ever points at a missing file, then the file in `dir` (photos as files); bytes kept in the database
 * go with their record. Returns how many went.
 */
export async function deleteUnusedUploads(
  db: Kysely<Database>,
  { dir, now }: { dir?: string; now: Date },
): Promise<number> {
  let total = 0;
  for (;;) {
    const names = await deleteUnusedRecords(db, { now });
    if (names.length === 0) return total;
    if (dir) {
      await Promise.all(names.map((name) => fs.promises.rm(path.join(dir, name), { force: true })));
    }
    total += names.length;
  }
}
