// Component tests only: a small stand-in for @tarojs/taro. Storage is in memory; request must be mocked per test.
import { useEffect, useRef } from 'react';
const storage = new Map<string, unknown>();

const Taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: () => 'WEB',
  getSystemInfoSync: () => ({
    windowWidth: 390,
    windowHeight: 844,
    pixelRatio: 2,
    platform: 'devtools',
  }),
  getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 2 }),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  request: async (): Promise<never> => {
    throw new Error('Taro.request is not available in component tests: mock the service instead');
  },
  uploadFile: async (): Promise<never> => {
    throw new Error(
      'Taro.uploadFile is not available in component tests: mock the service instead',
    );
  },
  chooseImage: async (_options: { count?: number }) => ({ tempFilePaths: [] as string[] }),
  login: async (): Promise<{ code: string; errMsg: string }> => {
    throw new Error('Taro.login is not available in component tests: mock it');
  },
  requestSubscribeMessage: async (_options: {
    tmplIds: string[];
  }): Promise<Record<string, string>> => {
    throw new Error('Taro.requestSubscribeMessage is not available in component tests: mock it');
  },
  onNetworkStatusChange: (_callback: (result: { isConnected: boolean }) => void) => undefined,
  navigateTo: async (_options: { url: string }) => undefined,
  switchTab: async (_options: { url: string }) => undefined,
  redirectTo: async (_options: { url: string }) => undefined,
  navigateBack: async () => undefined,
  showToast: async (_options: { title: string }) => undefined,
  hideToast: async () => undefined,
  setClipboardData: async (_options: { data: string }) => undefined,
  stopPullDownRefresh: () => undefined,
  pageScrollTo: async (_options: { selector?: string; scrollTop?: number }) => undefined,
  previewImage: async (_options: { urls: string[]; current?: string }) => undefined,
  getCurrentPages: (): { route: string }[] => [],
  getCurrentInstance: () => ({ router: { params: {} as Record<string, string> } }),
  createSelectorQuery: () => ({
    select: () => ({ boundingClientRect: () => ({ exec: () => undefined }) }),
    selectAll: () => ({ boundingClientRect: () => ({ exec: () => undefined }) }),
    selectViewport: () => ({ scrollOffset: () => ({ exec: () => undefined }) }),
  }),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  pxTransform: (px: number) => `${px / 2}px`,
};

export const useRouter = () => Taro.getCurrentInstance().router;
/** A page event the test plays by hand: the hook registers the latest callback while mounted, `fire` calls them. */
function pageEvent() {
  const callbacks = new Set<{ current: () => void }>();
  const usePageEvent = (fn: () => void) => {
    const latest = useRef(fn);
    useEffect(() => {
      latest.current = fn;
    });
    useEffect(() => {
      callbacks.add(latest);
      return () => void callbacks.delete(latest);
    }, []);
  };
  const fire = () => {
    for (const callback of callbacks) callback.current();
  };
  return [usePageEvent, fire] as const;
}

/** `showPages()`: the page comes back into view. `pullDown()`: the person pulls the page down to refresh. */
export const [useDidShow, showPages] = pageEvent();
export const [usePullDownRefresh, pullDown] = pageEvent();
export const useDidHide = (_fn: () => void) => undefined;
export const useReachBottom = (_fn: () => void) => undefined;
export const useShareAppMessage = (_fn: () => unknown) => undefined;
export const useLaunch = (_fn: () => void) => undefined;
export const useLoad = (_fn: (params: Record<string, string>) => void) => undefined;
export const useReady = (_fn: () => void) => undefined;
export const usePageScroll = (_fn: () => void) => undefined;
export const getEnv = Taro.getEnv;
export const getSystemInfoSync = Taro.getSystemInfoSync;
export const ENV_TYPE = Taro.ENV_TYPE;
export const pxTransform = Taro.pxTransform;
export const createSelectorQuery = Taro.createSelectorQuery;
export const nextTick = Taro.nextTick;
export default Taro;
