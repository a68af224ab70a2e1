/** @jest-environment node */
import { recursiveMerge } from '@tarojs/helper';
import { getComponentsAlias, internalComponents } from '@tarojs/shared';
import { UnRecursiveTemplate } from '@tarojs/shared/dist/template.js';

// config/weapp-aria: Taro's mini-program templates carry no aria attribute, so `ariaRole`, `ariaLabel` and
// `aria-selected` never reached WeChat. The plugin adds them to the templates at build time and to the runtime's
// table of attribute keys; both halves must agree, or a role lands in another attribute. (A build checks it too:
// `npx taro build --type weapp`, then `grep aria-role dist/weapp/base.wxml`.)
interface Platform {
  platform: string;
  template: UnRecursiveTemplate;
  runtimePath: string | string[];
}
const { addAria } = jest.requireActual<{
  addAria: (ctx: unknown, platform: Platform) => void;
}>('../../config/weapp-aria/index.js');
const { ARIA_ATTRIBUTES } = jest.requireActual<{ ARIA_ATTRIBUTES: string[] }>(
  '../../config/weapp-aria/components.js',
);

/** WeChat's template, as @tarojs/plugin-platform-weapp makes it. */
class WeappTemplate extends UnRecursiveTemplate {
  supportXS = true;
  Adapter = {
    if: 'wx:if',
    else: 'wx:else',
    elseif: 'wx:elif',
    for: 'wx:for',
    forItem: 'wx:for-item',
    forIndex: 'wx:for-index',
    key: 'wx:key',
    xs: 'wxs',
    type: 'weapp',
  };
}

const NODES = ['view', 'text', 'image', 'button', 'input', 'textarea'];
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe('the aria attributes on the mini-program', () => {
  const template = new WeappTemplate();
  const platform: Platform = { platform: 'weapp', template, runtimePath: 'x/runtime' };
  addAria({ helper: { recursiveMerge } }, platform);
  const wxml = template.buildTemplate({
    includes: new Set(NODES),
    exclude: new Set(),
    includeAll: false,
    thirdPartyComponents: new Map(),
  });

  it('are written into the templates of views, texts, images, buttons and fields', () => {
    for (const node of NODES) {
      for (const name of ARIA_ATTRIBUTES) {
        expect(wxml).toMatch(new RegExp(`<${node} [^>]*${name}="\\{\\{i\\.p\\d+\\}\\}"`));
      }
    }
  });

  it('are known to the runtime by the same keys as in the templates', () => {
    expect(platform.runtimePath).toEqual([
      'x/runtime',
      require.resolve('../../config/weapp-aria/runtime.js'),
    ]);
    jest.requireActual('../../config/weapp-aria/runtime.js');
    const runtime = getComponentsAlias(internalComponents) as Record<
      string,
      Record<string, string>
    >;
    for (const node of [...NODES, 'static-view', 'catch-view']) {
      for (const name of ARIA_ATTRIBUTES) {
        const key = runtime[node][camel(name)];
        expect(key).toMatch(/^p\d+$/);
        expect(key).toBe(template.componentsAlias[node][camel(name)]);
      }
    }
  });

  it('leave the browser’s build alone', () => {
    const h5 = { platform: 'h5', template: new WeappTemplate(), runtimePath: 'x/runtime' };
    addAria({ helper: { recursiveMerge } }, h5);
    expect(h5.runtimePath).toBe('x/runtime');
  });
});
