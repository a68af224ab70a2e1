import Taro from '@tarojs/taro';
import type * as Weapp from '@/services/citizen';
import type * as H5 from '@/services/citizen.h5';

// The mini-program's transport (Taro.request, as mocked here); the H5 build's (fetch) has transport.test.ts.
jest.mock('@/services/transport', () => jest.requireActual('@/services/transport.ts'));

// `citizen.ts` is the mini-program's, `citizen.h5.ts` the browser's; the app's tests see the H5 one (jest.config.js).
// The mini-program's module remembers a server without WeChat settings: that test comes last.
const weapp = jest.requireActual<typeof Weapp>('../../src/services/citizen.ts');
const h5 = jest.requireActual<typeof H5>('@/services/citizen');

const SESSION = {
  token: 'c'.repeat(43),
  expiresAt: '2099-01-01T00:00:00.000Z',
  statusTemplateId: 'status-template',
};
const answer = (statusCode: number, data: unknown) => ({ statusCode, data }) as never;

afterEach(() => {
  jest.restoreAllMocks();
  Taro.clearStorageSync();
});

describe('the citizen in the mini-program', () => {
  it('signs in once with the code Taro.login() gives, and keeps the session', async () => {
    const login = jest
      .spyOn(Taro, 'login')
      .mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' });
    const request = jest.spyOn(Taro, 'request').mockResolvedValue(answer(200, SESSION));
    const [one, two] = await Promise.all([weapp.signInCitizen(), weapp.signInCitizen()]);
    expect(one).toEqual(SESSION);
    expect(two).toEqual(SESSION);
    expect(login).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/\/api\/citizen\/session$/),
        method: 'POST',
        data: { code: 'wx-code' },
      }),
    );
    expect(weapp.citizenHeaders()).toEqual({ Authorization: `Bearer ${SESSION.token}` });
    await weapp.signInCitizen();
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('never throws when WeChat or the network fails, and tries again next time', async () => {
    const login = jest.spyOn(Taro, 'login').mockRejectedValue(new Error('login:fail'));
    expect(await weapp.signInCitizen()).toBeNull();
    expect(await weapp.signInCitizen()).toBeNull();
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('forgets a session the server no longer knows, and makes the call again without it', async () => {
    Taro.setStorageSync('citizen.session', SESSION);
    const request = jest
      .spyOn(Taro, 'request')
      .mockResolvedValueOnce(answer(401, { code: 'unauthorized', message: '请先登录' }))
      .mockResolvedValueOnce(answer(200, { ticketNo: 'PDS20261126-4821' }));
    await expect(
      weapp.citizenRequest('/api/tickets/PDS20261126-4821', { headers: { 'X-Ticket-Token': 't' } }),
    ).resolves.toEqual({ ticketNo: 'PDS20261126-4821' });
    expect(request.mock.calls[0][0].header).toMatchObject({
      Authorization: `Bearer ${SESSION.token}`,
    });
    expect(request.mock.calls[1][0].header).not.toHaveProperty('Authorization');
    expect(request.mock.calls[1][0].header).toMatchObject({ 'X-Ticket-Token': 't' });
    expect(weapp.currentCitizen()).toBeNull();
  });

  it('asks WeChat for the status template and reports an accept, with the ticket token', async () => {
    Taro.setStorageSync('citizen.session', SESSION);
    const ask = jest
      .spyOn(Taro, 'requestSubscribeMessage')
      .mockResolvedValue({ 'status-template': 'accept', errMsg: 'requestSubscribeMessage:ok' });
    const request = jest.spyOn(Taro, 'request').mockResolvedValue(answer(201, { waiting: 1 }));
    expect(weapp.canAskForNotices(weapp.currentCitizen())).toBe(true);
    await expect(weapp.askForStatusNotices('PDS20261126-4821', 'ticket-token')).resolves.toBe(
      'subscribed',
    );
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['status-template'] }));
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/\/api\/tickets\/PDS20261126-4821\/subscription$/),
        method: 'POST',
        data: { templateId: 'status-template' },
        header: expect.objectContaining({
          Authorization: `Bearer ${SESSION.token}`,
          'X-Ticket-Token': 'ticket-token',
        }),
      }),
    );
  });

  it('reports nothing when the citizen does not allow it', async () => {
    Taro.setStorageSync('citizen.session', SESSION);
    jest
      .spyOn(Taro, 'requestSubscribeMessage')
      .mockResolvedValue({ 'status-template': 'reject', errMsg: 'requestSubscribeMessage:ok' });
    const request = jest.spyOn(Taro, 'request');
    await expect(weapp.askForStatusNotices('PDS20261126-4821', null)).resolves.toBe('declined');
    expect(request).not.toHaveBeenCalled();
  });

  it('cannot ask without a template on the server', () => {
    expect(weapp.canAskForNotices({ ...SESSION, statusTemplateId: null })).toBe(false);
    expect(weapp.canAskForNotices(null)).toBe(false);
  });

  it('stays anonymous, and asks no more, when the server has no WeChat settings', async () => {
    const login = jest
      .spyOn(Taro, 'login')
      .mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' });
    jest
      .spyOn(Taro, 'request')
      .mockResolvedValue(
        answer(503, { code: 'wechat_not_configured', message: '暂未开通微信登录和消息通知' }),
      );
    expect(await weapp.signInCitizen()).toBeNull();
    expect(await weapp.signInCitizen()).toBeNull();
    expect(login).toHaveBeenCalledTimes(1);
    expect(weapp.citizenHeaders()).toEqual({});
  });
});

describe('the citizen in the browser', () => {
  it('stays anonymous: no sign-in, no header, no notices', async () => {
    const login = jest.spyOn(Taro, 'login');
    expect(await h5.signInCitizen()).toBeNull();
    expect(h5.citizenHeaders()).toEqual({});
    expect(h5.canAskForNotices(SESSION)).toBe(false);
    expect(await h5.askForStatusNotices('PDS20261126-4821', 't')).toBe('failed');
    expect(login).not.toHaveBeenCalled();
  });
});
