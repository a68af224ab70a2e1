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

// GCJ-02, the datum of maps in China and of WeChat's location picker, lies a few hundred metres off WGS-84. The
// offset is a published formula; its inverse is taken by a few rounds of fixed-point iteration (well under 1 m).
const AXIS = 6378245.0;
const ECCENTRICITY_SQUARED = 0.006693421622965943;

function offsetLat(x: number, y: number): number {
  let d = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  d += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return d;
}

function offsetLong(x: number, y: number): number {
  let d = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  d += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return d;
}

/** Where a WGS-84 point is drawn on a GCJ-02 map. */
export function wgs84ToGcj02({ lat, long }: GeoLocation): GeoLocation {
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - ECCENTRICITY_SQUARED * Math.sin(radLat) ** 2;
  const dLat =
    (offsetLat(long - 105, lat - 35) * 180) /
    (((AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * Math.sqrt(magic))) * Math.PI);
  const dLong =
    (offsetLong(long - 105, lat - 35) * 180) /
    ((AXIS / Math.sqrt(magic)) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, long: long + dLong };
}

/** A point picked on a GCJ-02 map (WeChat's) as WGS-84, to six decimals: what requests keep. */
export function gcj02ToWgs84(picked: GeoLocation): GeoLocation {
  let guess = picked;
  for (let i = 0; i < 5; i++) {
    const drawn = wgs84ToGcj02(guess);
    guess = {
      lat: guess.lat + picked.lat - drawn.lat,
      long: guess.long + picked.long - drawn.long,
    };
  }
  return { lat: roundCoordinate(guess.lat), long: roundCoordinate(guess.long) };
}
