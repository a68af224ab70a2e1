import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A stand-in for the three WeChat endpoints the server calls, on 127.0.0.1: `GET /sns/jscode2session`,
 * `POST /cgi-bin/stable_token` and `POST /cgi-bin/message/subscribe/send`. It checks what WeChat checks (the app's
 * credentials, the access token, each data value against its field type's limit) and answers with WeChat's error
 * codes; tests steer it (take it down, make it busy, expire the token, have a citizen refuse).
 *
 * Codes for sign-in: `bad-…` 40029, `used-…` 40163, `blocked-…` 40226, `limit-…` 45011, `busy-…` -1; any other
 * code signs in `openid-<code>`. Run it alone to try the mini-program's sign-in and notices by hand:
 * `npx tsx tests/support/wechat-stand-in.ts 4001` (see the README).
 */

export const STAND_IN_APP = {
  appId: 'wx-stand-in',
  appSecret: 'stand-in-secret',
  template: 'status-template',
} as const;

export interface DeliveredNotice {
  touser: string;
  template_id: string;
  page: string;
  miniprogram_state: string;
  lang: string;
  data: Record<string, { value: string }>;
}

/** How the send endpoint answers: normally, errcode -1 (busy), or HTTP 503 from its gateway. */
export type SendMode = 'up' | 'busy' | 'http503';

const LIMITS: Record<string, (value: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]*$/.test(v),
  phrase: (v) => [...v].length <= 5 && /^\p{Script=Han}*$/u.test(v),
  time: (v) => /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(v),
};

function valueFits(key: string, value: unknown): boolean {
  const kind = /^([a-z_]+?)\d+$/.exec(key)?.[1] ?? '';
  return typeof value === 'string' && value !== '' && (LIMITS[kind]?.(value) ?? false);
}

export async function startWechatStandIn({ port = 0 }: { port?: number } = {}) {
  const state = {
    mode: 'up' as SendMode,
    /** Delivered notices, in the order WeChat took them. */
    delivered: [] as DeliveredNotice[],
    sendCalls: 0,
    tokenCalls: 0,
    signIns: 0,
    /** Milliseconds each send takes (to make processes overlap). */
    sendDelayMs: 0,
    tokenLifetimeS: 7200,
    refusing: new Set<string>(),
    /** An errcode every send answers once past the token check (47003, 45011…), or null. */
    errcode: null as number | null,
    /** Every access token is refused (40001), however fresh. */
    refuseTokens: false,
  };
  let token = { value: '', expired: true, serial: 0 };
  const sockets = new Set<Socket>();

  function send(res: http.ServerResponse, body: unknown, status = 200) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }

  function signIn(url: URL, res: http.ServerResponse) {
    state.signIns++;
    const q = url.searchParams;
    if (q.get('appid') !== STAND_IN_APP.appId || q.get('secret') !== STAND_IN_APP.appSecret) {
      return send(res, { errcode: 40125, errmsg: 'invalid appsecret' });
    }
    const code = q.get('js_code') ?? '';
    const refusal = [
      ['bad-', 40029, 'invalid code'],
      ['used-', 40163, 'code been used'],
      ['blocked-', 40226, 'code blocked'],
      ['limit-', 45011, 'api minute-quota reach limit'],
      ['busy-', -1, 'system error'],
    ].find(([prefix]) => code.startsWith(String(prefix)));
    if (!code || q.get('grant_type') !== 'authorization_code') {
      return send(res, { errcode: 40029, errmsg: 'invalid code' });
    }
    if (refusal) return send(res, { errcode: refusal[1], errmsg: refusal[2] });
    send(res, { openid: `openid-${code}`, session_key: `session-key-of-${code}` });
  }

  async function stableToken(req: http.IncomingMessage, res: http.ServerResponse) {
    state.tokenCalls++;
    const body = await readJson(req);
    if (body.appid !== STAND_IN_APP.appId || body.secret !== STAND_IN_APP.appSecret) {
      return send(res, { errcode: 40125, errmsg: 'invalid appsecret' });
    }
    // Normal mode: the token in force, or a new one once it has expired.
    if (token.expired || body.force_refresh === true) {
      token = { value: `token-${++token.serial}`, expired: false, serial: token.serial };
    }
    send(res, { access_token: token.value, expires_in: state.tokenLifetimeS });
  }

  async function subscribeSend(url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
    state.sendCalls++;
    const body = await readJson(req);
    if (state.sendDelayMs) await new Promise((r) => setTimeout(r, state.sendDelayMs));
    if (state.mode === 'http503') return send(res, 'Service Unavailable', 503);
    if (state.mode === 'busy') return send(res, { errcode: -1, errmsg: 'system error' });
    const given = url.searchParams.get('access_token');
    if (given !== token.value || state.refuseTokens) {
      return send(res, { errcode: 40001, errmsg: 'invalid credential' });
    }
    if (token.expired) return send(res, { errcode: 42001, errmsg: 'access_token expired' });
    if (state.errcode !== null) return send(res, { errcode: state.errcode, errmsg: 'refused' });
    const notice = body as Partial<DeliveredNotice>;
    if (typeof notice.touser !== 'string' || !notice.touser.startsWith('openid-')) {
      return send(res, { errcode: 40003, errmsg: 'invalid openid' });
    }
    if (notice.template_id !== STAND_IN_APP.template) {
      return send(res, { errcode: 40037, errmsg: 'invalid template_id' });
    }
    if (typeof notice.page !== 'string' || !/^pages\//.test(notice.page)) {
      return send(res, { errcode: 41030, errmsg: 'invalid page' });
    }
    for (const [key, entry] of Object.entries(notice.data ?? {})) {
      if (!valueFits(key, entry?.value)) {
        return send(res, { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` });
      }
    }
    if (state.refusing.has(notice.touser)) {
      return send(res, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    }
    state.delivered.push(notice as DeliveredNotice);
    send(res, { errcode: 0, errmsg: 'ok' });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const route = `${req.method} ${url.pathname}`;
    const handled =
      route === 'GET /sns/jscode2session'
        ? signIn(url, res)
        : route === 'POST /cgi-bin/stable_token'
          ? stableToken(req, res)
          : route === 'POST /cgi-bin/message/subscribe/send'
            ? subscribeSend(url, req, res)
            : send(res, { errcode: 404, errmsg: 'not found' }, 404);
    void Promise.resolve(handled).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (at: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const boundPort = await listen(port);
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    state,
    /** The server's WeChat settings pointing at this stand-in. */
    env: {
      WECHAT_APP_ID: STAND_IN_APP.appId,
      WECHAT_APP_SECRET: STAND_IN_APP.appSecret,
      WECHAT_API_BASE: `http://127.0.0.1:${boundPort}`,
      WECHAT_TEMPLATE_STATUS: STAND_IN_APP.template,
    },
    /** The access token in force expires now: sends with it answer 42001 until a new one is fetched. */
    expireToken() {
      token = { ...token, expired: true };
    },
    /** Nothing listens any more: calls are refused (ECONNREFUSED) until `up()`. */
    down: stop,
    up: () => listen(boundPort).then(() => undefined),
    close: stop,
  };
}

export type WechatStandIn = Awaited<ReturnType<typeof startWechatStandIn>>;

if (require.main === module) {
  void startWechatStandIn({ port: Number(process.argv[2] ?? 4001) }).then((standIn) => {
    const env = Object.entries(standIn.env).map(([k, v]) => `${k}=${v}`);
    console.log(
      `WeChat stand-in on ${standIn.url}. Start the server with:\n  ${env.join(' ')} npm start`,
    );
    // Each notice as it is delivered: whom it is for, and what it says.
    let shown = 0;
    setInterval(() => {
      for (const notice of standIn.state.delivered.slice(shown)) {
        const values = Object.entries(notice.data).map(([key, { value }]) => `${key}=${value}`);
        console.log(`notice to ${notice.touser} (${notice.page}): ${values.join(', ')}`);
      }
      shown = standIn.state.delivered.length;
    }, 500);
  });
}
