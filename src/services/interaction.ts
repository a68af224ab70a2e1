import Taro from '@tarojs/taro';

export { hideToast, showToast, type ToastOptions } from './taro-interaction';

/** Puts `data` on the clipboard (the platform says 内容已复制 by itself; feedback.ts takes that back in 长辈模式). */
export async function setClipboardData(data: string): Promise<void> {
  await Taro.setClipboardData({ data });
}
