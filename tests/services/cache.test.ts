import Taro from '@tarojs/taro';
import { cachedRequest, requestKey } from '@/services/cache';
import { ApiError } from '@/services/http';

beforeEach(() => Taro.clearStorageSync());

describe('the offline cache', () => {
  it('keys a request by path and its non-empty query in a stable order', () => {
    expect(requestKey('/api/commitments', { status: 'done', category: 'education', q: '' })).toBe(
      '/api/commitments?category=education&status=done',
    );
    expect(requestKey('/api/stats')).toBe('/api/stats');
  });

  it('keeps a successful answer and serves it, marked offline, when the network fails', async () => {
    const first = await cachedRequest('/api/x', async () => ({ n: 1 }));
    expect(first).toMatchObject({ data: { n: 1 }, offline: false });
    const again = await cachedRequest('/api/x', async () => {
      throw new ApiError('network_error', '网络连接失败，请检查网络后重试');
    });
    expect(again).toEqual({ data: { n: 1 }, offline: true, savedAt: first.savedAt });
  });

  it('falls back on a timeout too, but never on a server error', async () => {
    await cachedRequest('/api/y', async () => 'kept');
    await expect(
      cachedRequest('/api/y', async () => {
        throw new ApiError('timeout', '网络超时，请稍后再试');
      }),
    ).resolves.toMatchObject({ data: 'kept', offline: true });
    await expect(
      cachedRequest('/api/y', async () => {
        throw new ApiError('internal_error', '服务器开小差了', 500);
      }),
    ).rejects.toThrow('服务器开小差了');
  });

  it('passes the network error on when nothing was kept for that request', async () => {
    await cachedRequest('/api/a', async () => 'other request');
    await expect(
      cachedRequest('/api/b', async () => {
        throw new ApiError('network_error', '网络连接失败，请检查网络后重试');
      }),
    ).rejects.toMatchObject({ code: 'network_error' });
  });
});
