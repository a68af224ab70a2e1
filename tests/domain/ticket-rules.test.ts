import {
  maskPhone,
  parseRatingInput,
  parseTicketEventInput,
  parseTicketInput,
} from '../../src/domain/ticket-rules';
import {
  canMoveTicket,
  isSatisfied,
  ratingReopens,
  SATISFIED_SCORES,
  ticketCategoryName,
} from '../../src/domain/ticket';

const valid = {
  category: 'municipal',
  content: '  小区门口的路灯坏了三天了，晚上很黑  ',
  district: '新华区',
  anonymous: false,
  phone: ' 13812341234 ',
  consent: true,
};

const fields = (raw: unknown) => {
  const result = parseTicketInput(raw);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('parseTicketInput', () => {
  it('answers the request as stored: texts trimmed, empty optional fields left out', () => {
    const result = parseTicketInput({ ...valid, address: '  ', contactName: '' });
    expect(result).toEqual({
      ok: true,
      value: {
        category: 'municipal',
        content: '小区门口的路灯坏了三天了，晚上很黑',
        district: '新华区',
        anonymous: false,
        phone: '13812341234',
        consent: true,
      },
    });
  });

  it.each([
    ['no category', { category: 'nope' }, 'category'],
    ['too short a text', { content: '  路灯坏了  ' }, 'content'],
    ['too long a text', { content: '字'.repeat(1001) }, 'content'],
    ['an unknown district', { district: '北京' }, 'district'],
    ['a phone that is not a mobile number', { phone: '12345' }, 'phone'],
    ['no phone unless anonymous', { phone: undefined }, 'phone'],
    ['no consent', { consent: false }, 'consent'],
    ['four photos', { photos: ['a', 'b', 'c', 'd'] }, 'photos'],
    ['the same photo twice', { photos: ['/api/uploads/a', '/api/uploads/a'] }, 'photos'],
    ['a photo that is not text', { photos: [1] }, 'photos'],
    ['a name too long', { contactName: '名'.repeat(21) }, 'contactName'],
  ])('refuses %s', (_, change, field) => {
    expect(fields({ ...valid, ...change })).toEqual([field]);
  });

  it('takes an anonymous request without a phone', () => {
    expect(fields({ ...valid, anonymous: true, phone: '' })).toEqual([]);
  });

  it('counts what a person sees: an emoji is one character', () => {
    expect(fields({ ...valid, content: '😀'.repeat(10) })).toEqual([]);
  });

  it('refuses a content of zero-width spaces, and one with half of an emoji', () => {
    expect(fields({ ...valid, content: '\u200B'.repeat(12) })).toEqual(['content']);
    expect(fields({ ...valid, content: `${valid.content}\udc00` })).toEqual(['content']);
  });

  it('stores texts as seen: direction overrides gone, NFC, line breaks only in the content', () => {
    const result = parseTicketInput({
      ...valid,
      content: '\u202E路灯坏了，\r\n晚上很黑很黑\u200B',
      contactName: '\u202E张\u2066三\u2069',
      address: '新华路\n12 号',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { content: '路灯坏了，\n晚上很黑很黑', contactName: '张三', address: '新华路 12 号' },
    });
  });

  it('names every wrong field of something that is not a request at all', () => {
    expect(fields(null)).toEqual([
      'category',
      'content',
      'district',
      'anonymous',
      'phone',
      'consent',
    ]);
  });
});

describe('parseTicketEventInput', () => {
  it('trims the note', () => {
    expect(parseTicketEventInput({ status: 'dispatched', note: ' 已派给城管 ' })).toEqual({
      ok: true,
      value: { status: 'dispatched', note: '已派给城管' },
    });
  });

  it.each([
    [{ status: 'dispatched', note: '   ' }, 'note'],
    [{ status: 'dispatched', note: '\u200B\u202E' }, 'note'],
    [{ status: 'dispatched', note: '字'.repeat(501) }, 'note'],
    [{ status: 'closed', note: '好的' }, 'status'],
  ])('refuses %o', (raw, field) => {
    const result = parseTicketEventInput(raw);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([field]);
  });
});

describe('parseRatingInput', () => {
  it('takes a score with no comment as comment null', () => {
    expect(parseRatingInput({ score: 3, comment: '  ' })).toEqual({
      ok: true,
      value: { score: 3, comment: null },
    });
  });

  it.each([[{ score: 4 }], [{ score: '3' }], [{ score: 2, comment: '字'.repeat(201) }]])(
    'refuses %o',
    (raw) => {
      expect(parseRatingInput(raw).ok).toBe(false);
    },
  );
});

describe('what a rating means', () => {
  it.each([
    [1, false, true],
    [2, true, false],
    [3, true, false],
  ] as const)('score %p: satisfied %p, reopens %p', (score, satisfied, reopens) => {
    expect(isSatisfied(score)).toBe(satisfied);
    expect(ratingReopens(score)).toBe(reopens);
  });

  it('lists the satisfied scores for queries', () => {
    expect(SATISFIED_SCORES).toEqual([2, 3]);
  });
});

describe('canMoveTicket', () => {
  it.each([
    ['received', 'dispatched', true],
    ['received', 'received', true],
    ['received', 'resolved', true],
    ['received', 'in_progress', false],
    ['dispatched', 'in_progress', true],
    ['dispatched', 'received', false],
    ['in_progress', 'in_progress', true],
    ['in_progress', 'resolved', true],
    ['in_progress', 'dispatched', false],
    ['resolved', 'resolved', false],
    ['resolved', 'in_progress', false],
  ] as const)('%s → %s: %p', (from, to, allowed) => {
    expect(canMoveTicket(from, to)).toBe(allowed);
  });
});

describe('maskPhone', () => {
  it('keeps the first three and the last four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('shows nothing of a number of another length', () => {
    expect(maskPhone('12345')).toBe('****');
  });
});

describe('ticketCategoryName', () => {
  it('names a known category and shows an unknown code as it is', () => {
    expect(ticketCategoryName('safety')).toBe('安全隐患');
    expect(ticketCategoryName('gone')).toBe('gone');
  });
});
