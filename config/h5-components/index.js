// H5 only (config/index.ts aliases `@tarojs/components` here). Taro's React components are one module,
// lib/react/components.js, which defines the custom element of every component any page uses when it is evaluated:
// webpack puts that module, and the Stencil code of the picker, the textarea and the rest, in a chunk every page
// loads. Here each component the app uses is a module of its own, so a page loads and defines only its own; View and
// Text, on every page by the hundred, are the browser's own elements (plain.js). Any other component still comes from
// Taro's module (the local exports take precedence over `export *`).
export { Button } from './button.js';
export { Image } from './image.js';
export { Input } from './input.js';
export { Picker } from './picker.js';
export { ScrollView } from './scroll-view.js';
export { Text } from './text.js';
export { Textarea } from './textarea.js';
export { View } from './view.js';
export * from '@tarojs/components/lib/react/components.js';
