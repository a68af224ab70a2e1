import Taro from '@tarojs/taro';

/**
 * Taro's toast, as feedback.ts shows it. On the mini-program it is the platform's own; on H5 it is Taro's toast,
 * modal and action sheet in one module with their own inline font, which interaction.h5.ts loads on first use.
 */
export interface ToastOptions {
  title: string;
  icon: 'success' | 'none';
}

export function showToast(options: ToastOptions): void {
  void Taro.showToast(options);
}

/** Takes a toast on screen away (the platform's 内容已复制 after a copy, in 长辈模式). */
export function hideToast(): void {
  void Promise.resolve(Taro.hideToast()).catch(() => undefined);
}
