// Worker page tests: a signed-in worker, the page's route, and NutUI fields and buttons as a person uses them.
import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StaffSession } from '@/services/auth';

export const SESSION: StaffSession = {
  token: 't'.repeat(43),
  worker: { id: 's1', username: 'zhang', name: '张网格', role: 'worker', district: '新华区' },
  expiresAt: '2099-01-01T00:00:00.000Z',
};

export function signIn(session: StaffSession = SESSION) {
  Taro.setStorageSync('worker.session', session);
}

export function routeParams(params: Record<string, string>) {
  jest
    .spyOn(Taro, 'getCurrentInstance')
    .mockReturnValue({ router: { params } } as ReturnType<typeof Taro.getCurrentInstance>);
}

/** The text box inside a NutUI field, found by its placeholder. */
export const field = (placeholder: string | RegExp) => screen.getByPlaceholderText(placeholder);
export const type = (element: HTMLElement, value: string) =>
  fireEvent.change(element, { target: { value } });
export const tap = (text: string) =>
  fireEvent.click(screen.getByText(text, { selector: 'button, button *' }));
