import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, isErrorCode, type ErrorCode, type FieldError } from '@/domain/errors';
import { send } from './transport';

const TIMEOUT_MS = 10_000;

/** H5 is served by our own server, so it calls its origin; the weapp build calls the configured host. */
const baseUrl =
  process.env.TARO_ENV === 'h5' ? '' : typeof API_BASE_URL === 'string' ? API_BASE_URL : '';

/** An API path (`/api/…`) as this platform reaches it. */
export function apiUrl(path: string): string {
  return `${baseUrl}${path}`;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status = 0,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the request never got an answer: the caller may fall back to what it has stored. */
  get isNetworkError(): boolean {
    return this.code === 'network_error' || this.code === 'timeout';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  data?: unknown;
  headers?: Record<string, string>;
}

/** The app's only way to the API: every page and service goes through here. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send({
    url: apiUrl(path),
    method: options.method ?? 'GET',
    data: options.data,
    headers: { 'content-type': 'application/json', ...options.headers },
    timeoutMs: TIMEOUT_MS,
  }).catch(toTransportError);
  return unwrap<T>(response.statusCode, response.data);
}

/** Sends one local file as multipart field `name` (Taro.uploadFile), with the same base URL, timeout and errors. */
export async function upload<T>(path: string, filePath: string, name = 'file'): Promise<T> {
  const response = await Taro.uploadFile({
    url: apiUrl(path),
    filePath,
    name,
    timeout: TIMEOUT_MS * 3,
  }).catch(toTransportError);
  // uploadFile hands back the body as text.
  let data: unknown;
  try {
    data = typeof response.data === 'string' ? JSON.parse(response.data) : response.data;
  } catch {
    data = {};
  }
  return unwrap<T>(response.statusCode, data);
}

/** No answer at all: a timeout or no network. */
function toTransportError(error: unknown): never {
  const timedOut = /timeout|超时/i.test(String((error as { errMsg?: string })?.errMsg ?? error));
  const code = timedOut ? 'timeout' : 'network_error';
  throw new ApiError(code, ERROR_MESSAGES[code]);
}

/** The body of a 2xx, or the error envelope of anything else as an ApiError. */
function unwrap<T>(statusCode: number, data: unknown): T {
  if (statusCode >= 200 && statusCode < 300) return data as T;
  const body = (data ?? {}) as { code?: unknown; message?: unknown; details?: FieldError[] };
  const code: ErrorCode = isErrorCode(body.code)
    ? body.code
    : statusCode >= 500
      ? 'internal_error'
      : 'bad_request';
  const message = typeof body.message === 'string' ? body.message : ERROR_MESSAGES[code];
  throw new ApiError(code, message, statusCode, body.details ?? []);
}
