// One of Taro's components on its own (see index.js): created as @tarojs/components/lib/react/components.js does.
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';
import { defineCustomElement } from '@tarojs/components/dist/components/taro-textarea-core.js';

export const Textarea = /*@__PURE__*/ createReactComponent(
  'taro-textarea-core',
  undefined,
  manipulatePropsFunction,
  defineCustomElement,
);
