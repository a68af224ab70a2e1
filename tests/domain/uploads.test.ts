import { photosError, uploadNameOf, uploadUrl } from '../../src/domain/uploads';

const name = `${'a1'.repeat(16)}.jpg`;

describe('uploadNameOf', () => {
  it.each([
    [uploadUrl(name), name],
    [`https://api.example.cn${uploadUrl(name)}`, name],
    [`/api/uploads/${'a1'.repeat(16)}.exe`, null],
    [`/api/uploads/../${name}`, null],
    [`/elsewhere/${name}`, null],
    [`${uploadUrl(name)}?x=1`, null],
  ])('%s → %p', (url, expected) => {
    expect(uploadNameOf(url)).toBe(expected);
  });
});

describe('photosError', () => {
  it('takes up to the maximum, each once', () => {
    expect(photosError(['a', 'b'], 3)).toBeNull();
  });

  it.each([
    ['not a list', 'x', '照片格式不正确'],
    ['too many', ['a', 'b', 'c', 'd'], '最多上传 3 张照片'],
    ['the same twice', ['a', 'a'], '同一张照片只需上传一次'],
    [
      'one upload by its path and by a full URL',
      [uploadUrl(name), `https://api.example.cn${uploadUrl(name)}`],
      '同一张照片只需上传一次',
    ],
  ])('refuses %s', (_, photos, message) => {
    expect(photosError(photos, 3)).toEqual({ field: 'photos', message });
  });
});
