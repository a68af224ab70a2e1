import type { FieldError } from './errors';

/**
 * A place on the map: WGS-84 degrees, as a phone's GPS, the browser's geolocation and Open311 give them. Where a
 * person was is sensitive personal information: only the staff who handle the request (and the city's 12345 system)
 * ever see it.
 */
export interface GeoLocation {
  lat: number;
  long: number;
}

/** China's extent, with a margin: from Zengmu Ansha in the south to Mohe in the north, Pamir to the Wusuli. */
export const CHINA_EXTENT = { latMin: 3.5, latMax: 53.6, longMin: 73.4, longMax: 135.1 } as const;

/** Six decimals are about 0.1 m: more than any phone knows, and all that is kept. */
export const LOCATION_DECIMALS = 6;

const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;

function decimalsOf(value: number): number {
  const text = String(value);
  return DECIMAL.test(text) ? (text.split('.')[1] ?? '').length : Infinity;
}

function coordinateError(
  value: unknown,
  field: 'lat' | 'long',
  min: number,
  max: number,
): string | null {
  const name = field === 'lat' ? '纬度' : '经度';
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${name}应为数字`;
  if (value < min || value > max) return `${name}不在中国境内，请重新选择位置`;
  if (decimalsOf(value) > LOCATION_DECIMALS) return `${name}最多 ${LOCATION_DECIMALS} 位小数`;
  return null;
}

/**
 * The location of a request, when it carries one: `{ lat, long }`, both numbers within China's extent, at most six
 * decimals each. Answers the problem as a field error of `field` (`location` in the app's body), or null.
 */
export function locationError(raw: unknown, field = 'location'): FieldError | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { field, message: '位置格式不正确，请重新选择位置' };
  }
  const { lat, long } = raw as Record<string, unknown>;
  const message =
    coordinateError(lat, 'lat', CHINA_EXTENT.latMin, CHINA_EXTENT.latMax) ??
    coordinateError(long, 'long', CHINA_EXTENT.longMin, CHINA_EXTENT.longMax);
  return message ? { field, message } : null;
}

/** A coordinate cut to the six decimals that are kept (a system may send nine: 37.762221815). */
export function roundCoordinate(value: number): number {
  return Math.round(value * 10 ** LOCATION_DECIMALS) / 10 ** LOCATION_DECIMALS;
}

/** 33.737629, 113.192661 → "北纬 33.737629°，东经 113.192661°": how staff read a location. */
export function formatLocation({ lat, long }: GeoLocation): string {
  return `北纬 ${lat.toFixed(LOCATION_DECIMALS)}°，东经 ${long.toFixed(LOCATION_DECIMALS)}°`;
}
