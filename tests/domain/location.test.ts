import {
  CHINA_EXTENT,
  formatLocation,
  gcj02ToWgs84,
  locationError,
  roundCoordinate,
  wgs84ToGcj02,
} from '../../src/domain/location';
import { parseTicketInput } from '../../src/domain/ticket-rules';

// 平顶山市政府 is at about 33.7376 N, 113.1927 E.
const PINGDINGSHAN = { lat: 33.737629, long: 113.192661 };

describe('locationError', () => {
  it('takes a place in China with at most six decimals', () => {
    expect(locationError(PINGDINGSHAN)).toBeNull();
    expect(locationError({ lat: 34, long: 113 })).toBeNull();
    expect(locationError({ lat: CHINA_EXTENT.latMax, long: CHINA_EXTENT.longMin })).toBeNull();
  });

  it.each([
    ['text for numbers', { lat: '33.7', long: '113.2' }, '纬度应为数字'],
    ['a missing longitude', { lat: 33.7 }, '经度应为数字'],
    ['not a number', { lat: Number.NaN, long: 113.2 }, '纬度应为数字'],
    ['infinity', { lat: 33.7, long: Number.POSITIVE_INFINITY }, '经度应为数字'],
    ['London', { lat: 51.5072, long: -0.1276 }, '经度不在中国境内，请重新选择位置'],
    ['the southern hemisphere', { lat: -33.7, long: 113.2 }, '纬度不在中国境内，请重新选择位置'],
    [
      'swapped coordinates',
      { lat: 113.192661, long: 33.737629 },
      '纬度不在中国境内，请重新选择位置',
    ],
    ['seven decimals', { lat: 33.7376291, long: 113.192661 }, '纬度最多 6 位小数'],
  ])('refuses %s', (_, raw, message) => {
    expect(locationError(raw)).toEqual({ field: 'location', message });
  });

  it.each([null, 'here', [33.7, 113.2], 42])('refuses %p, which is no location', (raw) => {
    expect(locationError(raw)?.message).toBe('位置格式不正确，请重新选择位置');
  });
});

describe('a location on a request', () => {
  const request = {
    category: 'municipal',
    content: '建设路与中兴路交叉口的路灯坏了一个多月',
    district: '新华区',
    anonymous: true,
    consent: true,
  };

  it('is kept when it is in China, with only its two coordinates', () => {
    const result = parseTicketInput({ ...request, location: { ...PINGDINGSHAN, accuracy: 30 } });
    expect(result.ok && result.value.location).toEqual(PINGDINGSHAN);
  });

  it('is optional', () => {
    const result = parseTicketInput(request);
    expect(result.ok && 'location' in result.value).toBe(false);
  });

  it('is refused outside China, with the field named', () => {
    const result = parseTicketInput({ ...request, location: { lat: 40.7128, long: -74.006 } });
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'location', message: '经度不在中国境内，请重新选择位置' }],
    });
  });
});

describe('roundCoordinate and formatLocation', () => {
  it('keeps six decimals of a coordinate that has more', () => {
    expect(roundCoordinate(37.762221815)).toBe(37.762222);
    expect(roundCoordinate(113.2)).toBe(113.2);
  });

  it('reads a location as staff see it', () => {
    expect(formatLocation({ lat: 33.7, long: 113.19 })).toBe('北纬 33.700000°，东经 113.190000°');
  });
});

describe('gcj02ToWgs84: a point picked on WeChat’s map', () => {
  it('moves a point in Pingdingshan back by the GCJ-02 offset, to within a metre', () => {
    const drawn = wgs84ToGcj02(PINGDINGSHAN);
    // The offset in Pingdingshan is a few hundred metres.
    expect(Math.abs(drawn.long - PINGDINGSHAN.long)).toBeGreaterThan(0.003);
    const back = gcj02ToWgs84(drawn);
    expect(Math.abs(back.lat - PINGDINGSHAN.lat)).toBeLessThan(0.00001);
    expect(Math.abs(back.long - PINGDINGSHAN.long)).toBeLessThan(0.00001);
    expect(locationError(back)).toBeNull();
  });
});
