import { act, renderHook, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Page } from '@/domain/commitment';
import { usePagedList, type PageAnswer } from '@/hooks/use-paged-list';

interface Item {
  id: string;
}
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));
const page = (ids: string[], nextCursor: string | null, total = 9): Page<Item> => ({
  items: items(...ids),
  nextCursor,
  total,
});
const keyOf = (item: Item) => item.id;

type LoadPage = (cursor: string | null) => Promise<PageAnswer<Item>>;

function renderList(loadPage: LoadPage) {
  return renderHook(({ from }) => usePagedList(from, { keyOf, keepData: true }), {
    initialProps: { from: loadPage },
  });
}

afterEach(() => jest.restoreAllMocks());

describe('usePagedList', () => {
  it('loads the first page, then the next by its cursor, leaving out an item already shown', async () => {
    const loadPage = jest.fn(async (cursor: string | null) =>
      cursor ? page(['b', 'c'], null, 3) : page(['a', 'b'], 'b', 3),
    );
    const { result } = renderList(loadPage);
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current).toMatchObject({ items: items('a', 'b'), total: 3, hasMore: true });
    await act(() => result.current.loadMore());
    expect(loadPage).toHaveBeenLastCalledWith('b');
    expect(result.current).toMatchObject({ items: items('a', 'b', 'c'), hasMore: false });
  });

  it('says when the items are kept copies from the offline cache', async () => {
    const { result } = renderList(async () => ({
      data: page(['a'], null),
      offline: true,
      savedAt: '2026-11-20T02:30:00.000Z',
    }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current).toMatchObject({ offline: true, savedAt: '2026-11-20T02:30:00.000Z' });
  });

  it('asks for no next page while a new filter loads, and drops a next page of the old filter', async () => {
    let answerMore!: (value: Page<Item>) => void;
    const oldFilter = jest.fn(async (cursor: string | null) =>
      cursor ? new Promise<Page<Item>>((resolve) => (answerMore = resolve)) : page(['a'], 'a'),
    );
    const { result, rerender } = renderList(oldFilter);
    await waitFor(() => expect(result.current.status).toBe('ready'));
    let more!: Promise<void>;
    act(() => void (more = result.current.loadMore()));

    let answerNew!: (value: Page<Item>) => void;
    const newFilter = jest.fn(() => new Promise<Page<Item>>((resolve) => (answerNew = resolve)));
    rerender({ from: newFilter });
    expect(result.current.replacing).toBe(true);
    await act(() => result.current.loadMore());
    expect(newFilter).toHaveBeenCalledTimes(1);

    await act(async () => answerNew(page(['x'], null, 1)));
    await act(async () => {
      answerMore(page(['b'], null));
      await more;
    });
    expect(result.current.items).toEqual(items('x'));
  });

  it('keeps the list and says why when the next page fails', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const { result } = renderList(async (cursor) => {
      if (cursor) throw new Error('网络超时，请稍后再试');
      return page(['a'], 'a');
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => result.current.loadMore());
    expect(result.current).toMatchObject({ items: items('a'), hasMore: true, loadingMore: false });
    expect(toast).toHaveBeenCalledWith({ title: '网络超时，请稍后再试', icon: 'none' });
  });
});
