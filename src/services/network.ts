import Taro from '@tarojs/taro';

/** Calls back whenever the phone gets a connection again (mini-program: Taro's network status event). */
export function onNetworkBack(callback: () => void): void {
  Taro.onNetworkStatusChange((result) => {
    if (result.isConnected) callback();
  });
}
