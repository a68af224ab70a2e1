import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { UPLOAD_MAX_BYTES } from '../src/domain/uploads';
import type { UploadLimits } from './config';
import type { Database } from './db/tables';
import {
  deleteUnusedUploads,
  findUploadBytes,
  recordUpload,
  uploadBytesStored,
  type StoredUpload,
} from './repositories/uploads';

/**
 * Where the bytes of photos live (decision 016). SQLite, one process: files under DATA_DIR/uploads, each synced
 * before it is recorded. PostgreSQL, any number of processes: in the database beside their record (`upload_blobs`),
 * written in one transaction, so that a photo uploaded through one process is served by every other. S3 is not
 * built: no real S3-compatible server installs here from Debian or npm to test it against.
 */
export interface PhotoStore {
  /** The storage guard: false once there is no room left for one more photo. */
  hasRoom(): Promise<boolean>;
  /** Keeps the bytes durably and records the upload: once this resolves, every process serves the photo. */
  save(upload: StoredUpload, data: Buffer, now: Date): Promise<void>;
  /** The bytes of a recorded upload; undefined when they are missing. */
  read(upload: StoredUpload): Promise<Buffer | Readable | undefined>;
  /** Deletes photos unused past the retention period, records first. Returns how many went. */
  deleteUnused(now: Date): Promise<number>;
}

/** Writes the whole file and syncs it before the upload is recorded, so a recorded photo is on disk. */
async function writeDurably(file: string, data: Buffer) {
  const handle = await fs.promises.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Photos as files under `dataDir/uploads`; full once the disk has less than `diskFreeMinBytes` free. */
export function filePhotoStore(
  db: Kysely<Database>,
  { dataDir, limits }: { dataDir: string; limits: UploadLimits },
): PhotoStore {
  const dir = path.join(dataDir, 'uploads');
  fs.mkdirSync(dir, { recursive: true });
  return {
    async hasRoom() {
      const disk = await fs.promises.statfs(dir);
      // Room for the largest photo on top of the reserve, which the database file needs as much as the photos.
      return disk.bavail * disk.bsize >= limits.diskFreeMinBytes + UPLOAD_MAX_BYTES;
    },
    async save(upload, data, now) {
      await writeDurably(path.join(dir, upload.name), data);
      await recordUpload(db, { upload, now });
    },
    async read(upload) {
      const file = path.join(dir, upload.name);
      return fs.existsSync(file) ? fs.createReadStream(file) : undefined;
    },
    deleteUnused: (now) => deleteUnusedUploads(db, { dir, now }),
  };
}

/** Photos in PostgreSQL; full once their table takes `storageMaxBytes`. */
export function databasePhotoStore(
  db: Kysely<Database>,
  { limits }: { limits: UploadLimits },
): PhotoStore {
  return {
    async hasRoom() {
      return (await uploadBytesStored(db)) + UPLOAD_MAX_BYTES <= limits.storageMaxBytes;
    },
    save: (upload, data, now) => recordUpload(db, { upload, data, now }),
    read: (upload) => findUploadBytes(db, { name: upload.name }),
    deleteUnused: (now) => deleteUnusedUploads(db, { now }),
  };
}
