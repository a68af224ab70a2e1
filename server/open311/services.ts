import { DISTRICTS, type District } from '../../src/domain/districts';
import { TICKET_CATEGORIES, type TicketCategory } from '../../src/domain/ticket';
import type { Open311Value } from './xml';

/*
 * Our request categories as Open311 services: one service per category, its code our ASCII category code, and one
 * attribute, the district, that every service requires.
 */

/** The districts' ASCII keys in the `district` attribute (a system may also send the Chinese name). */
export const DISTRICT_KEYS: Record<District, string> = {
  新华区: 'xinhua',
  卫东区: 'weidong',
  湛河区: 'zhanhe',
  石龙区: 'shilong',
  高新区: 'gaoxin',
  城乡一体化示范区: 'chengxiang',
  宝丰县: 'baofeng',
  叶县: 'yexian',
  鲁山县: 'lushan',
  郏县: 'jiaxian',
  舞钢市: 'wugang',
  汝州市: 'ruzhou',
};

/** The attribute code of the district, as a system posts it: `attribute[district]`. */
export const DISTRICT_ATTRIBUTE = 'district';

/** The district a value of the attribute names, by its key (any case) or its Chinese name; undefined otherwise. */
export function districtOf(value: string): District | undefined {
  const wanted = value.trim();
  return DISTRICTS.find((d) => d === wanted || DISTRICT_KEYS[d] === wanted.toLowerCase());
}

export function isServiceCode(code: string): code is TicketCategory {
  return TICKET_CATEGORIES.some((c) => c.code === code);
}

/** `GET services`: every category, with its name, what it covers, and the days the city gives itself. */
export function serviceList(): Open311Value[] {
  return TICKET_CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: `${c.hint}（${c.dueDays} 天内办结）`,
    metadata: true,
    type: 'realtime',
    keywords: c.hint.split('、').join(','),
    group: '民呼必应',
  }));
}

/** `GET services/{code}`: the attributes of a service, the district first (and only). */
export function serviceDefinition(code: TicketCategory): Open311Value {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: DISTRICT_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: '平顶山市的县（市、区）之一',
        order: 1,
        description: '所在县（市、区）',
        values: DISTRICTS.map((d) => ({ key: DISTRICT_KEYS[d], name: d })),
      },
    ],
  };
}

/** Open311's service discovery: where the GeoReport v2 endpoint is, and in which formats. */
export function discovery(origin: string): Open311Value {
  return {
    changeset: '2026-11-30T00:00:00Z',
    contact: '平顶山市 民呼必应（12345）',
    key_service: '密钥由本站运维人员发放（npm run api-key）',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${origin}/open311/v2`,
        changeset: '2026-11-30T00:00:00Z',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
