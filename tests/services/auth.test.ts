import Taro from '@tarojs/taro';
import * as auth from '@/services/auth';
import { SESSION } from '../support/worker-fixtures';

// The mini-program's transport (Taro.request, as mocked here); the H5 build's (fetch) has transport.test.ts.
jest.mock('@/services/transport', () => jest.requireActual('@/services/transport.ts'));

afterEach(() => {
  jest.restoreAllMocks();
  jest.clearAllMocks();
  Taro.clearStorageSync();
});

describe('staff calls', () => {
  it('forget the session and open sign-in over the page on a 401, once for calls failing together', async () => {
    Taro.setStorageSync('worker.session', SESSION);
    jest.spyOn(Taro, 'request').mockResolvedValue({
      statusCode: 401,
      data: { code: 'unauthorized', message: '请先登录' },
    } as never);
    const pages = [{ route: 'worker/post-update/index' }];
    jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => pages);
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(async ({ url }) => {
      pages.push({ route: url.replace(/^\/|\?.*$/g, '') });
      return undefined as never;
    });
    const redirect = jest.spyOn(Taro, 'redirectTo');
    await Promise.all([
      expect(auth.staffRequest('/api/auth/me')).rejects.toMatchObject({ status: 401 }),
      expect(auth.staffRequest('/api/tickets')).rejects.toMatchObject({ status: 401 }),
    ]);
    expect(auth.currentSession()).toBeNull();
    // Over the page, not instead of it: what the worker typed there is still there after signing in.
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith({ url: '/worker/login/index?back=1' });
    expect(redirect).not.toHaveBeenCalled();
  });

  it('carry the bearer token of the signed-in worker, and never a ticket token', async () => {
    Taro.setStorageSync('worker.session', SESSION);
    const request = jest
      .spyOn(Taro, 'request')
      .mockResolvedValue({ statusCode: 200, data: SESSION.worker } as never);
    await auth.staffRequest('/api/auth/me');
    const header = (request.mock.calls[0][0] as { header: Record<string, string> }).header;
    expect(header.Authorization).toBe(`Bearer ${SESSION.token}`);
    expect(Object.keys(header).map((k) => k.toLowerCase())).not.toContain('x-ticket-token');
  });

  it('treat an expired session as none', () => {
    Taro.setStorageSync('worker.session', { ...SESSION, expiresAt: '2020-01-01T00:00:00Z' });
    expect(auth.currentSession()).toBeNull();
    expect(auth.authHeaders()).toEqual({});
  });
});
