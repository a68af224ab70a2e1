import { plainElement } from './plain.js';

// Not selectable, as Taro's Text and WeChat's are unless asked (neither our pages nor NutUI ask).
export const Text = /*@__PURE__*/ plainElement('span', 'Text', { userSelect: 'none' });
