import {
  CREDENTIAL_RULES,
  parseLoginInput,
  validatePassword,
  validateUsername,
} from '../../src/domain/credentials';

describe('validatePassword', () => {
  it.each([
    ['abc123', '密码至少 8 位'],
    ['a1'.repeat(65), `密码最多 ${CREDENTIAL_RULES.passwordMax} 位`],
    ['abcdefgh', '密码需同时包含字母和数字'],
    ['12345678', '密码需同时包含字母和数字'],
    ['zhang01pass', '密码不能包含用户名'],
  ])('refuses %s: %s', (password, message) => {
    expect(validatePassword(password, 'Zhang01')).toBe(message);
  });

  it('takes letters and digits of a good length', () => {
    expect(validatePassword('river2020', 'zhang01')).toBeNull();
  });
});

describe('validateUsername', () => {
  it('takes lower-case letters, digits and . _ -', () => {
    expect(validateUsername(' Zhang.01 ')).toBeNull();
  });

  it.each(['ab', '-zhang', '张三三'])('refuses %s', (name) => {
    expect(validateUsername(name)).not.toBeNull();
  });
});

describe('parseLoginInput', () => {
  it('answers the trimmed username and the password as typed', () => {
    expect(parseLoginInput({ username: ' zhang01 ', password: ' pass 1 ' })).toEqual({
      ok: true,
      value: { username: 'zhang01', password: ' pass 1 ' },
    });
  });

  it('names each empty field', () => {
    const result = parseLoginInput({ username: '  ' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['username', 'password']);
  });
});
