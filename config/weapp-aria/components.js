// The aria attributes the mini-program's components take (WeChat's aria-component, base library 2.7.1+) and the
// app uses: on views, texts and images, and on the buttons and fields NutUI draws with Taro's (a field's name and
// the message it is described by). Taro's weapp templates carry none of them: without this list every `ariaRole`, `ariaLabel`,
// `aria-selected`… given in the code is dropped on the way to WXML. Read by the build (index.js: the templates)
// and by the app at run time (runtime.js: the attribute names' short keys), which must agree.
const ARIA_ATTRIBUTES = [
  'aria-role',
  'aria-label',
  'aria-hidden',
  'aria-selected',
  'aria-checked',
  'aria-disabled',
  'aria-live',
  'aria-describedby',
  'aria-busy',
];

// An empty default: the attribute is written only with the value the code gives it.
const attributes = Object.fromEntries(ARIA_ATTRIBUTES.map((name) => [name, '']));

module.exports = {
  ARIA_ATTRIBUTES,
  ARIA_COMPONENTS: {
    View: attributes,
    Text: attributes,
    Image: attributes,
    Button: attributes,
    Input: attributes,
    Textarea: attributes,
  },
};
