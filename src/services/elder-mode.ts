import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { fontScale } from './font-scale';

/**
 * 长辈模式: larger text and tap targets, stronger contrast, simpler pages. One switch on 我的, remembered on the
 * phone; offered once, on first open, to a person whose phone already shows large text. Pages read it with
 * `useElderMode()`; AppPage turns it into the `elder` class and the theme at the root of every page.
 */
const MODE_KEY = 'settings.elderMode';
const OFFERED_KEY = 'settings.elderModeOffered';

/** Text set this much larger than standard (18 px of 16, or WeChat's 大 and above) counts as large. */
export const LARGE_TEXT_SCALE = 1.125;

let current: boolean | null = null;
const listeners = new Set<() => void>();

export function isElderMode(): boolean {
  if (current === null) current = Taro.getStorageSync(MODE_KEY) === true;
  return current;
}

/** Turns the mode on or off for every page at once; a choice made settles the offer too. */
export function setElderMode(on: boolean): void {
  current = on;
  Taro.setStorageSync(MODE_KEY, on);
  Taro.setStorageSync(OFFERED_KEY, true);
  for (const listener of listeners) listener();
}

export function subscribeElderMode(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Whether 长辈模式 is on; the component renders again when it is switched. */
export function useElderMode(): boolean {
  return useSyncExternalStore(subscribeElderMode, isElderMode, isElderMode);
}

/** True once per phone: large text set, the mode off, and never offered before. */
export function shouldOfferElderMode(scale: number = fontScale()): boolean {
  return scale >= LARGE_TEXT_SCALE && !isElderMode() && Taro.getStorageSync(OFFERED_KEY) !== true;
}

/** The offer was shown: it is not made again, whatever the person does with it. */
export function markElderModeOffered(): void {
  Taro.setStorageSync(OFFERED_KEY, true);
}
