/**
 * The one way to WeChat's server API: sign-in (`jscode2session`), the access token (`stable_token`) and status
 * notices (`subscribeMessage.send`), at `apiBase` (WeChat's host, or a stand-in). It answers what happened as a
 * union and logs nothing: callers log, with the ticket number, never an openid. WeChat's session key is dropped
 * as soon as the answer is read; the secret travels only to WeChat.
 */

export interface WechatClientOptions {
  appId: string;
  appSecret: string;
  apiBase: string;
  /** The server's clock, for the access token's expiry. */
  now: () => Date;
  timeoutMs?: number;
}

export type SignInResult =
  | { kind: 'signed_in'; openid: string }
  /** 40029 invalid, 40163 already used: the app must call Taro.login() again. */
  | { kind: 'invalid_code' }
  /** 40226: WeChat blocks this user's sign-in. */
  | { kind: 'blocked' }
  /** 45011: too many sign-ins a minute. */
  | { kind: 'rate_limited' }
  /** -1 busy, unreachable, or refused for a reason of ours (a wrong secret): try later. */
  | { kind: 'unavailable'; reason: string };

/** `subscribeMessage.send`'s body, but for the access token. */
export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  miniprogram_state: 'formal' | 'trial' | 'developer';
  lang: 'zh_CN';
  data: Record<string, { value: string }>;
}

export type SendResult =
  | { kind: 'sent' }
  /** WeChat will never take it: the citizen refused (43101), bad data (47003), a wrong template or page… */
  | { kind: 'rejected'; errcode: number; errmsg: string }
  /** Certainly not delivered (not reached, busy, no token): worth another try. */
  | { kind: 'retry'; reason: string }
  /** Sent, but no answer came back: it may have been delivered. */
  | { kind: 'unknown'; reason: string };

/** Errors a later try cannot mend: the notice is given up. */
const REJECTED = new Set([40003, 40037, 41030, 43101, 43107, 45168, 47003]);
/** The access token is no longer good: fetch the current one and try once more. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** Failures that happen before anything is sent: the request never reached WeChat. */
const UNREACHED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Refresh the token this long before WeChat says it expires. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

type Reply =
  | { kind: 'answer'; body: Record<string, unknown> }
  /** The call never reached WeChat. */
  | { kind: 'unreached'; reason: string }
  /** It may have: the answer was lost. */
  | { kind: 'uncertain'; reason: string };

export type WechatClient = ReturnType<typeof createWechatClient>;

export function createWechatClient({
  appId,
  appSecret,
  apiBase,
  now,
  timeoutMs = 10_000,
}: WechatClientOptions) {
  let token: { value: string; expiresAt: number } | null = null;
  let fetching: Promise<string | { reason: string }> | null = null;

  async function call(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown },
  ): Promise<Reply> {
    let response: Response;
    try {
      response = await fetch(`${apiBase}${path}`, {
        method: init.method,
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
      const reason = code || (error as Error).name || 'network error';
      return UNREACHED.has(code) ? { kind: 'unreached', reason } : { kind: 'uncertain', reason };
    }
    // A gateway's 5xx: WeChat did not take the call.
    if (!response.ok) return { kind: 'unreached', reason: `HTTP ${response.status}` };
    try {
      const body: unknown = await response.json();
      if (typeof body === 'object' && body !== null) {
        return { kind: 'answer', body: body as Record<string, unknown> };
      }
    } catch {
      // below
    }
    return { kind: 'uncertain', reason: 'unreadable answer' };
  }

  const errcodeOf = (body: Record<string, unknown>) =>
    typeof body.errcode === 'number' ? body.errcode : 0;

  async function signIn(code: string): Promise<SignInResult> {
    const query = new URLSearchParams({
      appid: appId,
      secret: appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const reply = await call(`/sns/jscode2session?${query}`, { method: 'GET' });
    if (reply.kind !== 'answer') return { kind: 'unavailable', reason: reply.reason };
    const errcode = errcodeOf(reply.body);
    // The session key (reply.body.session_key) is never read: nothing of ours needs it.
    if (errcode === 0 && typeof reply.body.openid === 'string' && reply.body.openid) {
      return { kind: 'signed_in', openid: reply.body.openid };
    }
    if (errcode === 40029 || errcode === 40163) return { kind: 'invalid_code' };
    if (errcode === 40226) return { kind: 'blocked' };
    if (errcode === 45011) return { kind: 'rate_limited' };
    return { kind: 'unavailable', reason: `errcode ${errcode}` };
  }

  /** The access token: kept until shortly before it expires; one fetch at a time however many ask. */
  function accessToken(): Promise<string | { reason: string }> {
    if (token && token.expiresAt > now().getTime()) return Promise.resolve(token.value);
    fetching ??= (async () => {
      try {
        // Normal mode: the token in force, or a new one once it has expired. Never force_refresh, which would
        // cut off every other process's token.
        const reply = await call('/cgi-bin/stable_token', {
          method: 'POST',
          body: { grant_type: 'client_credential', appid: appId, secret: appSecret },
        });
        if (reply.kind !== 'answer') return { reason: `stable_token: ${reply.reason}` };
        const { access_token: value, expires_in: expiresIn } = reply.body;
        if (typeof value !== 'string' || typeof expiresIn !== 'number') {
          return { reason: `stable_token: errcode ${errcodeOf(reply.body)}` };
        }
        const lifetime = Math.max(expiresIn * 1000 - EXPIRY_MARGIN_MS, expiresIn * 500);
        token = { value, expiresAt: now().getTime() + lifetime };
        return value;
      } finally {
        fetching = null;
      }
    })();
    return fetching;
  }

  async function sendOnce(message: SubscribeMessage): Promise<SendResult | 'token'> {
    const value = await accessToken();
    if (typeof value !== 'string') return { kind: 'retry', reason: value.reason };
    const path = `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(value)}`;
    const reply = await call(path, { method: 'POST', body: message });
    if (reply.kind === 'unreached') return { kind: 'retry', reason: reply.reason };
    if (reply.kind === 'uncertain') return { kind: 'unknown', reason: reply.reason };
    const errcode = errcodeOf(reply.body);
    if (errcode === 0) return { kind: 'sent' };
    if (TOKEN_ERRORS.has(errcode)) {
      if (token?.value === value) token = null;
      return 'token';
    }
    const errmsg = typeof reply.body.errmsg === 'string' ? reply.body.errmsg : '';
    if (REJECTED.has(errcode)) return { kind: 'rejected', errcode, errmsg };
    return { kind: 'retry', reason: `errcode ${errcode}` };
  }

  /** Sends one notice; an access token WeChat no longer takes is fetched again once, and the notice resent. */
  async function sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
    const first = await sendOnce(message);
    if (first !== 'token') return first;
    const second = await sendOnce(message);
    return second === 'token' ? { kind: 'retry', reason: 'access token refused twice' } : second;
  }

  return { signIn, sendSubscribeMessage };
}
