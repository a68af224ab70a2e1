// H5 only: View and Text as the browser's own <div> and <span>. Taro's are Stencil custom elements, each with its
// touch listeners and long-press timer, drawn a second time by Stencil, behind a wrapper that copies every prop
// onto the element: on a first visit to 民生实事 that was the costliest work after the scripts arrived (decision
// 012). What Taro's would make of our props is made here: `ariaRole` is `role`, any other `ariaX` is `aria-x`.
// The mini-program's own props (hoverClass, catchMove, animation) do nothing in a browser and are left out.
import { createElement, forwardRef } from 'react';

const DOM_PROPS = new Set([
  'id',
  'className',
  'style',
  'tabIndex',
  'title',
  'hidden',
  'role',
  'children',
]);

function domProps(props) {
  const out = {};
  for (const [name, value] of Object.entries(props)) {
    if (DOM_PROPS.has(name) || /^on[A-Z]/.test(name) || /^(data|aria)-/.test(name))
      out[name] = value;
    else if (name === 'ariaRole') out.role = value;
    else if (/^aria[A-Z]/.test(name)) out[`aria-${name.slice(4).toLowerCase()}`] = value;
  }
  return out;
}

/** `tag` with the props a browser understands; `style` first applies a default the caller's own style overrides. */
export function plainElement(tag, displayName, style) {
  const Component = forwardRef((props, ref) =>
    createElement(tag, {
      ...domProps(props),
      style: style ? { ...style, ...props.style } : props.style,
      ref,
    }),
  );
  Component.displayName = displayName;
  return Component;
}
