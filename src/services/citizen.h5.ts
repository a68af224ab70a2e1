import type { CitizenSession } from '@/domain/citizen';
import { request, type RequestOptions } from './http';
import type { NoticeAnswer } from './citizen';

/*
 * The browser's citizen: anonymous, as before issue 15. There is no WeChat to sign in with, and no subscribe
 * messages; requests are kept on this browser, and found from another one by number and phone.
 */

export type { NoticeAnswer };

export function currentCitizen(_now?: Date): CitizenSession | null {
  return null;
}

export function forgetCitizen(): void {}

export function citizenHeaders(): Record<string, string> {
  return {};
}

export function signInCitizen(): Promise<CitizenSession | null> {
  return Promise.resolve(null);
}

export function citizenRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>(path, options);
}

export function useCitizen(): CitizenSession | null {
  return null;
}

export function canAskForNotices(_session: CitizenSession | null): boolean {
  return false;
}

export async function requestNoticeGrant(): Promise<'allowed' | 'declined' | 'failed'> {
  return 'failed';
}

export async function reportNoticeGrant(
  _ticketNo: string,
  _accessToken: string | null,
): Promise<boolean> {
  return false;
}

export async function askForStatusNotices(
  _ticketNo: string,
  _accessToken: string | null,
): Promise<NoticeAnswer> {
  return 'failed';
}
