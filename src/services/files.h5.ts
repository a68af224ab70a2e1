import { ERROR_MESSAGES, isErrorCode } from '@/domain/errors';
import { authHeaders } from './auth';
import { ApiError, apiUrl } from './http';

/** A file the person picked: its name and bytes. */
export interface PickedFile {
  name: string;
  data: ArrayBuffer;
}

/** The browser's file picker, for a .csv; null when the person backs out. */
export function pickCsvFile(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      void file.arrayBuffer().then((data) => resolve({ name: file.name, data }));
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Saves a CSV the API makes (signed in when a session is there) as a download named `name`. */
export async function saveCsvFile(path: string, name: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { headers: authHeaders() });
  } catch {
    throw new ApiError('network_error', ERROR_MESSAGES.network_error);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    const code = isErrorCode(body.code) ? body.code : 'bad_request';
    const message = typeof body.message === 'string' ? body.message : ERROR_MESSAGES[code];
    throw new ApiError(code, message, response.status);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
