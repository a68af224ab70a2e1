import { plainElement } from './plain.js';

export const View = /*@__PURE__*/ plainElement('div', 'View');
