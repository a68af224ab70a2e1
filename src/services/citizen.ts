import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CitizenSession } from '@/domain/citizen';
import { ApiError, request, type RequestOptions } from './http';

/*
 * The mini-program's citizen: signed in with WeChat (Taro.login → POST /api/citizen/session), quietly and never
 * required. Their requests then follow them to any phone, and they can be told when one moves. The browser's twin
 * (citizen.h5.ts) stays anonymous.
 */

const SESSION_KEY = 'citizen.session';
/** The server has no WeChat settings (local use): not asked again until the app restarts. */
let unavailable = false;
let signingIn: Promise<CitizenSession | null> | null = null;

export function currentCitizen(now: Date = new Date()): CitizenSession | null {
  const value: unknown = Taro.getStorageSync(SESSION_KEY);
  if (!value || typeof value !== 'object') return null;
  const session = value as CitizenSession;
  if (typeof session.token !== 'string' || Date.parse(session.expiresAt) <= now.getTime()) {
    return null;
  }
  return session;
}

export function forgetCitizen(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

/** The header of a signed-in citizen; empty otherwise. */
export function citizenHeaders(): Record<string, string> {
  const session = currentCitizen();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

/** Signs in with WeChat unless already signed in. Never throws: without a session the app works as before. */
export function signInCitizen(): Promise<CitizenSession | null> {
  const kept = currentCitizen();
  if (kept || unavailable) return Promise.resolve(kept);
  signingIn ??= (async () => {
    try {
      const { code } = await Taro.login();
      const session = await request<CitizenSession>('/api/citizen/session', {
        method: 'POST',
        data: { code },
      });
      Taro.setStorageSync(SESSION_KEY, session);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'wechat_not_configured') unavailable = true;
      return null;
    } finally {
      signingIn = null;
    }
  })();
  return signingIn;
}

/**
 * A call that carries the citizen's session when there is one. A session the server no longer knows (401) is
 * forgotten and the call made once more without it (a ticket token may still open the door).
 */
export async function citizenRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const session = citizenHeaders();
  try {
    return await request<T>(path, { ...options, headers: { ...options.headers, ...session } });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || !session.Authorization) throw error;
    forgetCitizen();
    return request<T>(path, options);
  }
}

/** The signed-in citizen, signing in when the page shows: null until then, and for good on the browser. */
export function useCitizen(): CitizenSession | null {
  const [session, setSession] = useState<CitizenSession | null>(currentCitizen);
  useEffect(() => {
    let live = true;
    if (!session) void signInCitizen().then((next) => live && setSession(next));
    return () => {
      live = false;
    };
  }, [session]);
  return session;
}

/** Whether this phone can ask for status notices: signed in, and the server has a template. */
export function canAskForNotices(session: CitizenSession | null): boolean {
  return Boolean(session?.statusTemplateId);
}

export type NoticeAnswer = 'subscribed' | 'declined' | 'failed';

/** The citizen's choice for one template in WeChat's answer. */
function answerOf(answer: object, templateId: string): unknown {
  return Object.entries(answer).find(([key]) => key === templateId)?.[1];
}

/**
 * Asks WeChat whether the server may tell the citizen of a request's next move. WeChat shows its question only in
 * answer to a tap: call this first thing in a tap handler, before anything is awaited.
 */
export async function requestNoticeGrant(): Promise<'allowed' | 'declined' | 'failed'> {
  const templateId = currentCitizen()?.statusTemplateId;
  if (!templateId) return 'failed';
  try {
    // `{ [templateId]: 'accept' | 'reject' | 'ban' | 'filter', errMsg }`.
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
    return answerOf(answer, templateId) === 'accept' ? 'allowed' : 'declined';
  } catch {
    return 'failed';
  }
}

/** Tells the server the citizen allowed one notice of the request's next move. */
export async function reportNoticeGrant(
  ticketNo: string,
  accessToken: string | null,
): Promise<boolean> {
  const templateId = currentCitizen()?.statusTemplateId;
  if (!templateId) return false;
  try {
    await citizenRequest(`/api/tickets/${encodeURIComponent(ticketNo)}/subscription`, {
      method: 'POST',
      data: { templateId },
      headers: accessToken ? { 'X-Ticket-Token': accessToken } : {},
    });
    return true;
  } catch {
    return false;
  }
}

/** Both in one: asks WeChat (in a tap handler), then reports an 允许 to the server. */
export async function askForStatusNotices(
  ticketNo: string,
  accessToken: string | null,
): Promise<NoticeAnswer> {
  const grant = await requestNoticeGrant();
  if (grant !== 'allowed') return grant;
  return (await reportNoticeGrant(ticketNo, accessToken)) ? 'subscribed' : 'failed';
}
