import {
  normalizeTicketNo,
  notificationStateName,
  parseCitizenSessionInput,
  parseLookupInput,
  parseSubscriptionInput,
} from '../../src/domain/citizen';

describe('citizen rules', () => {
  it.each([
    [
      { ticketNo: 'PDS20261126-4821', phone: '13812341234' },
      { ticketNo: 'PDS20261126-4821', phone: '13812341234' },
    ],
    [
      { ticketNo: ' pds20261126 - 4821 ', phone: '138 1234-1234' },
      { ticketNo: 'PDS20261126-4821', phone: '13812341234' },
    ],
  ])('parses a lookup as typed: %j', (raw, value) => {
    expect(parseLookupInput(raw)).toEqual({ ok: true, value });
  });

  it.each([
    [{}, ['ticketNo', 'phone']],
    [{ ticketNo: 'PDS2026-1', phone: '13812341234' }, ['ticketNo']],
    [{ ticketNo: 'PDS20261126-4821', phone: '12812341234' }, ['phone']],
    [{ ticketNo: 42, phone: 13812341234 }, ['ticketNo', 'phone']],
  ])('refuses a lookup field by field: %j', (raw, fields) => {
    const result = parseLookupInput(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(fields);
  });

  it('normalizes a number read aloud', () => {
    expect(normalizeTicketNo(' pds 20261126-4821')).toBe('PDS20261126-4821');
  });

  it.each([
    [{ code: ' 0a1b ' }, true],
    [{ code: '' }, false],
    [{ code: 'x'.repeat(129) }, false],
    [null, false],
  ])('takes a sign-in code %j: %s', (raw, ok) => {
    expect(parseCitizenSessionInput(raw).ok).toBe(ok);
  });

  it('takes a template id, trimmed', () => {
    expect(parseSubscriptionInput({ templateId: ' t-1 ' })).toEqual({
      ok: true,
      value: { templateId: 't-1' },
    });
    expect(parseSubscriptionInput({}).ok).toBe(false);
  });

  it('names each notice state in Chinese', () => {
    expect(notificationStateName('sent')).toBe('已通知');
    expect(notificationStateName('refused')).toBe('市民已拒收');
  });
});
