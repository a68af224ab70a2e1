// Loaded first in the mini-program (index.js adds it to the platform's runtime): the runtime learns the same aria
// attributes the templates were built with, so `ariaRole` and `aria-selected` reach the template's own keys.
import { mergeInternalComponents } from '@tarojs/shared';
import aria from './components.js';

mergeInternalComponents(aria.ARIA_COMPONENTS);
