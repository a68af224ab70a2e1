import { parsed, type FieldError, type Parsed } from './errors';
import type { Staff } from './staff';

/** Rules for worker accounts and sessions: the CLI, the server and the login form share them. */
export const CREDENTIAL_RULES = {
  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 8,
  passwordMax: 128,
  nameMax: 20,
} as const;

/** A session lasts one working day; the worker signs in again after it. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;

/**
 * Failed sign-ins allowed within the window before the server refuses for a while: per username and address, and
 * (higher, since an address can be forged behind a proxy) per username from anywhere.
 */
export const LOGIN_THROTTLE = {
  maxFailures: 5,
  maxFailuresPerUsername: 20,
  windowMs: 15 * 60 * 1000,
} as const;

const USERNAME = /^[a-z0-9][a-z0-9._-]*$/;

/** Usernames are case-insensitive: stored and looked up in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function validateUsername(username: string): string | null {
  const name = normalizeUsername(username);
  if (name.length < CREDENTIAL_RULES.usernameMin || name.length > CREDENTIAL_RULES.usernameMax) {
    return `用户名需 ${CREDENTIAL_RULES.usernameMin}–${CREDENTIAL_RULES.usernameMax} 个字符`;
  }
  if (!USERNAME.test(name)) return '用户名只能用字母、数字和 . _ -，并以字母或数字开头';
  return null;
}

/** Minimum strength: at least 8 characters with both letters and digits, and not the username itself. */
export function validatePassword(password: string, username?: string): string | null {
  if (password.length < CREDENTIAL_RULES.passwordMin) {
    return `密码至少 ${CREDENTIAL_RULES.passwordMin} 位`;
  }
  if (password.length > CREDENTIAL_RULES.passwordMax) {
    return `密码最多 ${CREDENTIAL_RULES.passwordMax} 位`;
  }
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码需同时包含字母和数字';
  if (username && password.toLowerCase().includes(normalizeUsername(username))) {
    return '密码不能包含用户名';
  }
  return null;
}

export function validateDisplayName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return '请填写显示名';
  if ([...trimmed].length > CREDENTIAL_RULES.nameMax) {
    return `显示名最多 ${CREDENTIAL_RULES.nameMax} 个字`;
  }
  return null;
}

/** What the sign-in form sends: `POST /api/auth/login`. */
export interface LoginInput {
  username: string;
  password: string;
}

/**
 * What the sign-in form checks before sending: both fields filled in. Strength rules are not checked here, so
 * wrong credentials get the one server message whatever they are.
 */
export function parseLoginInput(raw: unknown): Parsed<LoginInput> {
  const input: Partial<Record<keyof LoginInput, unknown>> =
    typeof raw === 'object' && raw !== null ? raw : {};
  const username = typeof input.username === 'string' ? input.username.trim() : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const errors: FieldError[] = [];
  if (username === '') errors.push({ field: 'username', message: '请填写用户名' });
  if (password === '') errors.push({ field: 'password', message: '请填写密码' });
  return parsed({ username, password }, errors);
}

/** `200` of `POST /api/auth/login`. */
export interface LoginResult {
  token: string;
  worker: Staff;
  /** When the token stops working (ISO time). */
  expiresAt: string;
}
