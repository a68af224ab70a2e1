import { parseHandoverInput, systemPhoneError } from '../../src/domain/handover';
import { maskPhone } from '../../src/domain/ticket-rules';

const request = {
  category: 'municipal',
  content: 'title: 路灯不亮\n\ndetail: 建设路与中兴路交叉口的路灯坏了一个多月\n',
  district: '新华区',
  location: { lat: 33.737629, long: 113.192661 },
};

const errorsOf = (fields: Parameters<typeof parseHandoverInput>[0]) => {
  const result = parseHandoverInput(fields);
  return result.ok ? [] : result.errors;
};

describe('systemPhoneError: a phone number from another system', () => {
  it.each(['13812341234', '0375-2345678', '+44 20 7946 0000', '(0375) 234 5678 转 12', '12345'])(
    'keeps %p as given',
    (phone) => expect(systemPhoneError(phone)).toBeNull(),
  );

  it('refuses one that is too long', () => {
    expect(systemPhoneError('1'.repeat(31))).toBe('电话号码最多 30 个字符');
  });

  it.each(['0375\n2345678', '0375\u00002345678', '\u001b[31m110', '0375\u20282345678'])(
    'refuses control characters in %p',
    (phone) => expect(systemPhoneError(phone)).toBe('电话号码中含有控制字符'),
  );
});

describe('maskPhone, for every kind of number', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+44 20 7946 0000', '+** ** **** 0000'],
    ['0375-2345678', '****-***5678'],
    ['03752345678', '*******5678'],
    ['12345', '****'],
  ])('shows %p as %p', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});

describe('parseHandoverInput', () => {
  it('files the request by the form’s rules, with the contact as the system gives it', () => {
    const result = parseHandoverInput({
      ...request,
      firstName: 'John',
      lastName: 'Smith',
      email: ' john@example.org ',
      phone: '+44 20 7946 0000',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        category: 'municipal',
        content: 'title: 路灯不亮\n\ndetail: 建设路与中兴路交叉口的路灯坏了一个多月',
        district: '新华区',
        location: request.location,
        anonymous: false,
        contactName: 'John Smith',
        phone: '+44 20 7946 0000',
        email: 'john@example.org',
        consent: true,
      },
    });
  });

  it('writes a Chinese name family name first, and takes an empty last name', () => {
    const name = (firstName: string, lastName: string) => {
      const result = parseHandoverInput({ ...request, firstName, lastName });
      return result.ok ? result.value.contactName : undefined;
    };
    expect(name('三', '张')).toBe('张三');
    expect(name('Madonna', '')).toBe('Madonna');
  });

  it('is anonymous when no contact came at all', () => {
    const result = parseHandoverInput({ ...request, firstName: '', lastName: '', email: '' });
    expect(result.ok && result.value.anonymous).toBe(true);
    expect(result.ok && Object.keys(result.value)).not.toContain('phone');
  });

  it('takes an address instead of a location, and refuses a request with neither', () => {
    const { location: _, ...withoutLocation } = request;
    expect(errorsOf({ ...withoutLocation, address: '建设路 12 号' })).toEqual([]);
    expect(errorsOf({ ...withoutLocation, address: '  ' })).toEqual([
      { field: 'location', message: '请提供位置（经纬度）或地址' },
    ]);
  });

  it('applies the form’s limits to the request', () => {
    expect(errorsOf({ ...request, content: '太短', district: '北京' }).map((e) => e.field)).toEqual(
      ['content', 'district'],
    );
    expect(errorsOf({ ...request, content: '很'.repeat(1001) })[0].message).toBe('最多 1000 个字');
  });

  it('refuses a contact with control characters or too long, field by field', () => {
    expect(
      errorsOf({ ...request, firstName: 'a\u0007', email: `${'x'.repeat(250)}@example.org` }),
    ).toEqual([
      { field: 'firstName', message: '名字中含有控制字符' },
      { field: 'email', message: '电子邮箱最多 254 个字符' },
    ]);
  });
});
