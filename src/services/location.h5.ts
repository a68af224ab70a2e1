import { roundCoordinate } from '@/domain/location';
import type { PickedPlace } from './location';

/*
 * 选择位置 in the browser: where the phone is now, by the browser's geolocation (it asks the person first). The
 * browser gives WGS-84, which requests keep, to six decimals.
 */

export type { PickedPlace } from './location';

export function pickPlace(): Promise<PickedPlace> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    return Promise.resolve({ kind: 'failed', message: '这个浏览器不能定位，可以不选位置' });
  }
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        resolve({
          kind: 'picked',
          location: {
            lat: roundCoordinate(coords.latitude),
            long: roundCoordinate(coords.longitude),
          },
          label: '您现在的位置',
        }),
      (error) =>
        resolve({
          kind: 'failed',
          message:
            error.code === error.PERMISSION_DENIED
              ? '没有获得定位权限。可以在浏览器设置里允许，或者不选位置'
              : '没能定位，请稍后再试，或者不选位置',
        }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    ),
  );
}
