import Taro from '@tarojs/taro';
import { gcj02ToWgs84, type GeoLocation } from '@/domain/location';

/*
 * 选择位置: where the problem is, picked on a map. Mini-program: WeChat's location picker (the app declares it in
 * requiredPrivateInfos); the browser's is location.h5.ts. Either way the answer is WGS-84, six decimals.
 */

export type PickedPlace =
  | { kind: 'picked'; location: GeoLocation; label: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export async function pickPlace(): Promise<PickedPlace> {
  try {
    const picked = await Taro.chooseLocation({});
    // WeChat's map is GCJ-02; requests keep WGS-84, as GPS and Open311 do.
    const location = gcj02ToWgs84({ lat: picked.latitude, long: picked.longitude });
    return { kind: 'picked', location, label: picked.name || picked.address || '地图上选的位置' };
  } catch (error) {
    const message = String((error as { errMsg?: string } | null)?.errMsg ?? error);
    if (/cancel/i.test(message)) return { kind: 'cancelled' };
    if (/auth|deny|denied/i.test(message)) {
      return { kind: 'failed', message: '没有获得位置权限。可以在设置里打开，或者不选位置' };
    }
    return { kind: 'failed', message: '没能打开地图，请稍后再试，或者不选位置' };
  }
}
