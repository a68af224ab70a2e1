import { act, renderHook, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useResource, type ResourceOptions } from '@/hooks/use-resource';
import { pullDown, showPages } from '../support/taro';

/** A load whose answers the test gives by hand, in any order. */
function deferredLoads<T>() {
  const pending: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  const load = jest.fn(
    () => new Promise<T>((resolve, reject) => void pending.push({ resolve, reject })),
  );
  return { load, pending };
}

function renderResource<T>(load: (() => Promise<T>) | null, options?: ResourceOptions) {
  return renderHook(({ from }) => useResource(from, options), { initialProps: { from: load } });
}

afterEach(() => jest.restoreAllMocks());

describe('useResource', () => {
  it('loads, then is ready with the answer', async () => {
    const { result } = renderResource(async () => 'kept');
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.data).toBe('kept');
  });

  it('loads nothing without a load', () => {
    const { result } = renderResource(null);
    expect(result.current.status).toBe('idle');
  });

  it('shows the error, and reload starts again from loading', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result } = renderResource(load);
    await act(async () => pending[0].reject(new Error('服务器开小差了')));
    expect(result.current).toMatchObject({ status: 'error', error: '服务器开小差了' });
    act(() => result.current.reload());
    expect(result.current.status).toBe('loading');
    await act(async () => pending[1].resolve('again'));
    expect(result.current).toMatchObject({ status: 'ready', data: 'again', error: '' });
  });

  it('shows only the answer of the latest load when answers come back out of order', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result } = renderResource(load);
    void act(() => void result.current.refresh());
    await act(async () => pending[1].resolve('newer'));
    await act(async () => pending[0].resolve('older'));
    expect(result.current.data).toBe('newer');
  });

  it('starts from loading for a new load, and drops the old one’s late answer', async () => {
    const first = deferredLoads<string>();
    const second = deferredLoads<string>();
    const { result, rerender } = renderResource(first.load);
    rerender({ from: second.load });
    expect(result.current.status).toBe('loading');
    await act(async () => first.pending[0].resolve('old'));
    expect(result.current.status).toBe('loading');
    await act(async () => second.pending[0].resolve('new'));
    expect(result.current.data).toBe('new');
  });

  it('with keepData, keeps the old data on screen (replacing) until the new load answers', async () => {
    const { result, rerender } = renderResource(async () => 'old', { keepData: true });
    await waitFor(() => expect(result.current.data).toBe('old'));
    const next = deferredLoads<string>();
    rerender({ from: next.load });
    expect(result.current).toMatchObject({ status: 'ready', data: 'old', replacing: true });
    await act(async () => next.pending[0].resolve('new'));
    expect(result.current).toMatchObject({ data: 'new', replacing: false });
  });

  it('refreshes on pull-down; a failed refresh keeps the data and says why in a toast', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
    const { load, pending } = deferredLoads<string>();
    const { result } = renderResource(load);
    await act(async () => pending[0].resolve('first'));
    act(() => pullDown());
    await act(async () => pending[1].reject(new Error('网络连接失败')));
    expect(result.current).toMatchObject({ status: 'ready', data: 'first', error: '' });
    expect(toast).toHaveBeenCalledWith({ title: '网络连接失败', icon: 'none' });
    expect(stop).toHaveBeenCalled();
  });

  it('refreshes when the page shows again, once the first answer is in', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result } = renderResource(load, { refreshOnShow: true });
    // The page's first show comes with the first load.
    act(() => showPages());
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => pending[0].resolve('first'));
    act(() => showPages());
    expect(load).toHaveBeenCalledTimes(2);
    expect(result.current).toMatchObject({ status: 'ready', data: 'first' });
    await act(async () => pending[1].resolve('second'));
    expect(result.current.data).toBe('second');
  });

  it('asks refreshOnShow each time', async () => {
    let allowed = false;
    const load = jest.fn(async () => 'x');
    const { result } = renderResource(load, { refreshOnShow: () => allowed });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => showPages());
    expect(load).toHaveBeenCalledTimes(1);
    allowed = true;
    await act(async () => showPages());
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('set replaces the data, and an answer still on its way is dropped', async () => {
    const { load, pending } = deferredLoads<{ n: number }>();
    const { result } = renderResource(load);
    await act(async () => pending[0].resolve({ n: 1 }));
    void act(() => void result.current.refresh());
    act(() => result.current.set((current) => ({ n: current.n + 10 })));
    await act(async () => pending[1].resolve({ n: 2 }));
    expect(result.current.data).toEqual({ n: 11 });
  });

  it('drops an answer that arrives after the page closed', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result, unmount } = renderResource(load);
    const before = result.current;
    unmount();
    await act(async () => pending[0].resolve('late'));
    expect(result.current).toBe(before);
  });
});
