import type { WechatConfig } from '../../server/config';
import { DEFAULT_STATUS_FIELDS, parseStatusFields } from '../../server/wechat/template-data';
import type { TestApp } from '../support/test-app';
import { STAND_IN_APP, type WechatStandIn } from '../support/wechat-stand-in';
import { bearer } from './auth-fixtures';
import { submit, validInput } from './tickets-fixtures';

/** The server's WeChat settings, pointing at the stand-in. */
export function wechatConfig(standIn: WechatStandIn): WechatConfig {
  return {
    appId: STAND_IN_APP.appId,
    appSecret: STAND_IN_APP.appSecret,
    apiBase: standIn.url,
    statusTemplate: STAND_IN_APP.template,
    statusFields: parseStatusFields(DEFAULT_STATUS_FIELDS) as WechatConfig['statusFields'],
    miniprogramState: 'formal',
  };
}

/** Signs a citizen in as the mini-program does (`Taro.login()`'s code); the stand-in names them `openid-<code>`. */
export async function signInCitizen(app: TestApp, code: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/citizen/session', payload: { code } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

/** Files a request, signed in when `citizenToken` is given; answers its number and access token. */
export async function fileRequest(
  app: TestApp,
  { citizenToken, phone }: { citizenToken?: string; phone?: string } = {},
): Promise<{ ticketNo: string; accessToken: string }> {
  const res = await submit(app, validInput(phone ? { phone } : {}), {
    headers: citizenToken ? bearer(citizenToken) : {},
  });
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  return res.json() as { ticketNo: string; accessToken: string };
}

/** The citizen allows the status notice of a request, as the mini-program reports it. */
export async function subscribe(
  app: TestApp,
  {
    ticketNo,
    citizenToken,
    ticketToken,
    templateId = STAND_IN_APP.template,
  }: { ticketNo: string; citizenToken: string; ticketToken?: string; templateId?: string },
) {
  return app.inject({
    method: 'POST',
    url: `/api/tickets/${ticketNo}/subscription`,
    headers: { ...bearer(citizenToken), ...(ticketToken && { 'x-ticket-token': ticketToken }) },
    payload: { templateId },
  });
}

/** A staff move on a request. */
export async function move(
  app: TestApp,
  {
    ticketNo,
    staffToken,
    status,
    note,
  }: { ticketNo: string; staffToken: string; status: string; note: string },
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/tickets/${ticketNo}/events`,
    headers: bearer(staffToken),
    payload: { status, note },
  });
  if (res.statusCode !== 200) throw new Error(`move failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
