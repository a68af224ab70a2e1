import type { FieldError } from './errors';

/** Where the server serves uploaded photos; a request's or an update's `photos` lists URLs under it. */
export const UPLOADS_PATH = '/api/uploads/';

/** Names the server gives uploads: 32 hex characters (128 random bits) and the checked type's extension. */
export const UPLOAD_NAME = /^[0-9a-f]{32}\.(jpg|png|gif|webp)$/;

/** The largest photo the server takes. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** A photo that no request or update uses is deleted after this long. */
export const UNUSED_UPLOAD_RETENTION_DAYS = 30;
export const UNUSED_UPLOAD_RETENTION_MS = UNUSED_UPLOAD_RETENTION_DAYS * 24 * 3600 * 1000;

export function uploadUrl(name: string): string {
  return `${UPLOADS_PATH}${name}`;
}

/**
 * The upload a photo URL points at: `/api/uploads/<name>`, or the same path on a full URL (the mini-program sees the
 * API under its base URL). Null for anything else. A regular expression, not `URL`: older WeChat bases lack it.
 */
export function uploadNameOf(url: string): string | null {
  const match = /^(?:https?:\/\/[^/?#]+)?\/api\/uploads\/([^/?#]+)$/i.exec(url.trim());
  return match && UPLOAD_NAME.test(match[1]) ? match[1] : null;
}

/** A photo the server has; anything else (a file on the phone, a blob) is still waiting to go up. */
export function isUploadUrl(url: string): boolean {
  return url.startsWith(UPLOADS_PATH);
}

/**
 * The photos of a request or an update: a list of strings, at most `max`, each one photo once. The server checks
 * on top that each is an upload of its own (it needs the uploads table).
 */
export function photosError(photos: unknown, max: number): FieldError | null {
  if (!Array.isArray(photos) || photos.some((p) => typeof p !== 'string')) {
    return { field: 'photos', message: '照片格式不正确' };
  }
  if (photos.length > max) return { field: 'photos', message: `最多上传 ${max} 张照片` };
  // The same upload, whether named by its path or by a full URL, is one photo.
  if (new Set(photos.map((p: string) => uploadNameOf(p) ?? p)).size !== photos.length) {
    return { field: 'photos', message: '同一张照片只需上传一次' };
  }
  return null;
}
