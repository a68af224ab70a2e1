import { commitmentDetailPath, deepLinkUrl } from '../src/app-paths';

describe('page paths', () => {
  it('makes the H5 hash deep link of the detail page', () => {
    expect(commitmentDetailPath('edu-kindergartens-11')).toBe(
      '/pages/commitment-detail/index?id=edu-kindergartens-11',
    );
    expect(deepLinkUrl('https://a.example/', commitmentDetailPath('x y'))).toBe(
      'https://a.example/#/pages/commitment-detail/index?id=x%20y',
    );
  });
});
