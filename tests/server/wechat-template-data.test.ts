import {
  beijingDateTime,
  DEFAULT_STATUS_FIELDS,
  fitValue,
  parseStatusFields,
  statusMessageData,
} from '../../server/wechat/template-data';

describe('values of a status notice, within WeChat’s limits per field type', () => {
  it.each([
    ['thing4', '路灯已修好', '路灯已修好'],
    [
      'thing4',
      '一二三四五六七八九十一二三四五六七八九十',
      '一二三四五六七八九十一二三四五六七八九十',
    ],
    [
      'thing4',
      '一二三四五六七八九十一二三四五六七八九十多',
      '一二三四五六七八九十一二三四五六七八九…',
    ],
    ['thing4', '第一行\n  第二行', '第一行 第二行'],
    ['thing4', '😀'.repeat(25), `${'😀'.repeat(19)}…`],
    ['character_string1', 'PDS20261126-4821', 'PDS20261126-4821'],
    ['character_string1', '编号PDS20261126-4821', 'PDS20261126-4821'],
    ['character_string1', 'A'.repeat(40), 'A'.repeat(32)],
    ['phrase2', '已派单', '已派单'],
    ['phrase2', '办理中(复)', '办理中复'],
    ['phrase2', '群众不满意重新办理', '群众不满意'],
    ['unknown9', 'as is', 'as is'],
  ])('%s: %j → %j', (key, value, fitted) => {
    expect(fitValue(key, value)).toBe(fitted);
  });

  it('writes times as WeChat’s time fields take them, in Beijing', () => {
    expect(beijingDateTime(new Date('2026-11-26T06:05:00Z'))).toBe('2026年11月26日 14:05');
    expect(beijingDateTime(new Date('2020-12-31T16:30:00Z'))).toBe('2021年1月1日 00:30');
  });

  it('maps each part to the key the operator names', () => {
    const fields = parseStatusFields('thing1, thing2 ,date3,thing4');
    expect(fields).toEqual({ ticketNo: 'thing1', status: 'thing2', time: 'date3', note: 'thing4' });
    if ('error' in fields) return;
    expect(
      statusMessageData(fields, {
        ticketNo: 'PDS20261126-4821',
        status: 'resolved',
        at: new Date('2026-11-26T02:00:00Z'),
        note: '已修好',
      }),
    ).toEqual({
      thing1: { value: 'PDS20261126-4821' },
      thing2: { value: '已办结' },
      date3: { value: '2026年11月26日 10:00' },
      thing4: { value: '已修好' },
    });
    expect(parseStatusFields(DEFAULT_STATUS_FIELDS)).not.toHaveProperty('error');
  });

  it.each([
    'thing1,phrase2,time3',
    'character_string1,phrase2,time3,phrase4',
    'number1,phrase2,time3,thing4',
  ])('refuses keys that cannot carry a part: %s', (text) => {
    expect(parseStatusFields(text)).toHaveProperty('error');
  });
});
