import Taro from '@tarojs/taro';
import type { LoginResult } from '@/domain/credentials';
import type { Staff } from '@/domain/staff';
import { ApiError, request, type RequestOptions } from './http';

/** The signed-in worker, kept on the phone until sign-out or expiry. Never holds the password. */
export interface StaffSession {
  token: string;
  worker: Staff;
  expiresAt: string;
}

const SESSION_KEY = 'worker.session';
export const LOGIN_PAGE = '/worker/login/index';
export const HOME_PAGE = '/worker/home/index';

export function currentSession(now: Date = new Date()): StaffSession | null {
  const value = Taro.getStorageSync(SESSION_KEY) as StaffSession | '' | undefined;
  if (!value || typeof value !== 'object' || typeof value.token !== 'string') return null;
  if (Date.parse(value.expiresAt) <= now.getTime()) {
    clearSession();
    return null;
  }
  return value;
}

export function clearSession() {
  Taro.removeStorageSync(SESSION_KEY);
}

export async function login(username: string, password: string): Promise<StaffSession> {
  const result = await request<LoginResult>('/api/auth/login', {
    method: 'POST',
    data: { username: username.trim(), password },
  });
  const session: StaffSession = {
    token: result.token,
    worker: result.worker,
    expiresAt: result.expiresAt,
  };
  Taro.setStorageSync(SESSION_KEY, session);
  return session;
}

/** Ends the session on the server too; the phone forgets it even when the server can't be reached. */
export async function logout(): Promise<void> {
  const headers = authHeaders();
  clearSession();
  if (!headers.Authorization) return;
  try {
    // An empty object: a JSON request with no body at all is refused as invalid JSON.
    await request<null>('/api/auth/logout', { method: 'POST', headers, data: {} });
  } catch {
    // Already expired or offline: the token is gone from the phone, and it expires on its own.
  }
}

/** The header every staff call carries; empty when nobody is signed in. */
export function authHeaders(): Record<string, string> {
  const session = currentSession();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

/**
 * The session is over (expired, revoked, account disabled): forget it and open sign-in over the current page.
 * After signing in the worker is back on that page as they left it, a note they typed included.
 */
export function signInAgain() {
  clearSession();
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1]?.route ?? '';
  // Several calls can fail at once: one sign-in page is enough.
  if (top.replace(/^\//, '') === LOGIN_PAGE.slice(1)) return;
  void Taro.navigateTo({ url: `${LOGIN_PAGE}?back=1` });
}

/** A staff API call through the one HTTP client. A 401 means the session is over: sign in again. */
export async function staffRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await request<T>(path, {
      ...options,
      headers: { ...options.headers, ...authHeaders() },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signInAgain();
    throw error;
  }
}
