import Taro from '@tarojs/taro';
import type * as Weapp from '@/services/network';
import type * as H5 from '@/services/network.h5';

// `network.ts` is the mini-program's, `network.h5.ts` the browser's; the app's tests see the H5 one (jest.config.js).
const weapp = jest.requireActual<typeof Weapp>('../../src/services/network.ts');
const h5 = jest.requireActual<typeof H5>('@/services/network');

afterEach(() => jest.restoreAllMocks());

describe('onNetworkBack', () => {
  it('on H5, calls back on the page’s online event', () => {
    const back = jest.fn();
    h5.onNetworkBack(back);
    window.dispatchEvent(new Event('online'));
    expect(back).toHaveBeenCalledTimes(1);
  });

  it('in the mini-program, calls back when the status says connected, not when it drops', () => {
    let listener!: Taro.onNetworkStatusChange.Callback;
    jest.spyOn(Taro, 'onNetworkStatusChange').mockImplementation((l) => void (listener = l));
    const back = jest.fn();
    weapp.onNetworkBack(back);
    listener({ isConnected: false, networkType: 'none' });
    expect(back).not.toHaveBeenCalled();
    listener({ isConnected: true, networkType: 'wifi' });
    expect(back).toHaveBeenCalledTimes(1);
  });
});
