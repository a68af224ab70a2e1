import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { parsed, type Parsed } from '@/domain/errors';
import { useForm, type FormOptions } from '@/hooks/use-form';
import { ApiError } from '@/services/http';
import { setElderMode } from '@/services/elder-mode';

/** A small form: a name of at least two characters, and a linked item whose messages come under `itemId`. */
interface Draft {
  name: string;
  item: { id: string } | null;
}
interface Value {
  name: string;
  itemId?: string;
}

const EMPTY: Draft = { name: '', item: null };

function parseDraft(draft: Draft): Parsed<Value> {
  const name = draft.name.trim();
  const errors = name.length < 2 ? [{ field: 'name', message: '至少 2 个字' }] : [];
  return parsed({ name, ...(draft.item ? { itemId: draft.item.id } : {}) }, errors);
}

function renderForm(options: Partial<FormOptions<Draft, Value, keyof Value>> = {}) {
  return renderHook(
    (props: Partial<FormOptions<Draft, Value, keyof Value>>) =>
      useForm<Draft, Value>({
        initial: EMPTY,
        parse: parseDraft,
        invalidMessage: '请看红字',
        fieldOf: { item: 'itemId' },
        ...props,
      }),
    { initialProps: options },
  );
}

const refused = new ApiError('validation_failed', '填写的内容有误', 400, [
  { field: 'itemId', message: '没有这一项' },
  { field: 'name', message: '名字里有不能提交的字' },
]);

describe('useForm', () => {
  it('keeps a field quiet until it is left or a send is tried, and quiet again once it is right', async () => {
    const { result } = renderForm();
    expect(result.current.messageFor('name')).toBeUndefined();

    act(() => result.current.touch('name'));
    expect(result.current.messageFor('name')).toBe('至少 2 个字');

    act(() => result.current.change('name', '王芳'));
    expect(result.current.messageFor('name')).toBeUndefined();
  });

  it('sends nothing while the rule refuses, and says so above the button until the fields are right', async () => {
    const send = jest.fn(async () => undefined);
    const { result } = renderForm();
    await act(() => result.current.submit(send));
    expect(send).not.toHaveBeenCalled();
    expect(result.current.messageFor('name')).toBe('至少 2 个字');
    expect(result.current.formMessage).toBe('请看红字');

    act(() => result.current.change('name', '王芳'));
    expect(result.current.formMessage).toBe('');
  });

  it('sends the parsed value, not the draft as typed', async () => {
    const send = jest.fn(async () => undefined);
    const { result } = renderForm();
    act(() => result.current.change('name', '  王芳 '));
    await act(() => result.current.submit(send));
    expect(send).toHaveBeenCalledWith({ name: '王芳' }, { name: '  王芳 ', item: null });
  });

  it('waits while the form is not ready, and drops the reason once it no longer holds', async () => {
    const send = jest.fn(async () => undefined);
    const { result, rerender } = renderForm({ initial: { name: '王芳', item: null } });
    rerender({ notReady: '照片还在上传' });
    await act(() => result.current.submit(send));
    expect(send).not.toHaveBeenCalled();
    expect(result.current.formMessage).toBe('照片还在上传');

    rerender({ notReady: null });
    expect(result.current.formMessage).toBe('');
  });

  it("puts the server's messages under their fields until each field is edited", async () => {
    const { result } = renderForm({ initial: { name: '王芳', item: { id: 'a' } } });
    await act(() => result.current.submit(() => Promise.reject(refused)));
    expect(result.current.formMessage).toBe('填写的内容有误');
    expect(result.current.messageFor('itemId')).toBe('没有这一项');
    expect(result.current.messageFor('name')).toBe('名字里有不能提交的字');

    // The linked item is the draft's `item`, named `itemId` in what is sent.
    act(() => result.current.change('item', { id: 'b' }));
    expect(result.current.messageFor('itemId')).toBeUndefined();
    expect(result.current.messageFor('name')).toBe('名字里有不能提交的字');
  });

  it('scrolls to the first field message after a refusal', async () => {
    jest.useFakeTimers();
    try {
      const scroll = jest.spyOn(Taro, 'pageScrollTo');
      const { result } = renderForm();
      await act(() => result.current.submit(jest.fn()));
      act(() => jest.advanceTimersByTime(100));
      expect(scroll).toHaveBeenCalledWith(
        expect.objectContaining({ selector: '.field-message--shown' }),
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('scrolls there at once in 长辈模式, where nothing glides by itself', async () => {
    jest.useFakeTimers();
    setElderMode(true);
    try {
      const scroll = jest.spyOn(Taro, 'pageScrollTo');
      const { result } = renderForm();
      await act(() => result.current.submit(jest.fn()));
      act(() => jest.advanceTimersByTime(100));
      expect(scroll).toHaveBeenCalledWith(
        expect.objectContaining({ selector: '.field-message--shown', duration: 0 }),
      );
    } finally {
      setElderMode(false);
      jest.useRealTimers();
    }
  });

  it('sends once while a send is on its way', async () => {
    let finish!: () => void;
    const send = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { result } = renderForm({ initial: { name: '王芳', item: null } });
    let first!: Promise<void>;
    act(() => {
      first = result.current.submit(send);
    });
    expect(result.current.busy).toBe(true);
    await act(() => result.current.submit(send));
    expect(send).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current.busy).toBe(false);
  });

  it('tells edits of the person from a draft replaced from elsewhere, and forgets everything on reset', async () => {
    const { result } = renderForm();
    act(() => result.current.replace({ name: '从存储里来', item: null }));
    expect(result.current.hasUnsavedEdits()).toBe(false);

    act(() => result.current.change('name', '王'));
    expect(result.current.hasUnsavedEdits()).toBe(true);
    await act(() => result.current.submit(jest.fn()));
    expect(result.current.messageFor('name')).toBe('至少 2 个字');

    act(() => result.current.reset(EMPTY));
    expect(result.current.hasUnsavedEdits()).toBe(false);
    expect(result.current.messageFor('name')).toBeUndefined();
    expect(result.current.formMessage).toBe('');
  });
});
