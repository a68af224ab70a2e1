// Component tests only: Taro's built-in components as plain DOM elements, so Testing Library sees what a person sees.
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = { children?: ReactNode; className?: string; [prop: string]: unknown };

const EVENT_PROPS: Record<string, string> = {
  onTap: 'onClick',
  onClick: 'onClick',
  onLongPress: 'onContextMenu',
};

function domProps(props: Props) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key in EVENT_PROPS) out[EVENT_PROPS[key]] = value;
    else if (key === 'ariaLabel') out['aria-label'] = value;
    else if (key === 'ariaRole') out.role = value;
    else if (key === 'className' || key === 'style' || key === 'id' || key === 'children')
      out[key] = value;
    else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role') out[key] = value;
  }
  return out;
}

function element(tag: string) {
  const Component = forwardRef<HTMLElement, Props>((props, ref) =>
    createElement(tag, { ...domProps(props), ref }, props.children as ReactNode),
  );
  Component.displayName = tag;
  return Component;
}

export const View = element('div');
export const Text = element('span');
export const Label = element('label');
export const Form = element('form');
export const ScrollView = element('div');
export const Swiper = element('div');
export const SwiperItem = element('div');
export const Block = element('div');
export const RichText = element('div');
export const Icon = element('i');
export const Navigator = element('a');
export const Progress = element('div');
export const CoverView = element('div');
export const CoverImage = element('img');

export const Button = forwardRef<HTMLButtonElement, Props>((props, ref) =>
  createElement(
    'button',
    { ...domProps(props), ref, type: 'button', disabled: props.disabled as boolean },
    props.children as ReactNode,
  ),
);
Button.displayName = 'Button';

export const Image = forwardRef<HTMLImageElement, Props>((props, ref) =>
  createElement('img', {
    ...domProps(props),
    ref,
    src: props.src as string,
    alt: props.alt as string,
  }),
);
Image.displayName = 'Image';

function inputLike(tag: 'input' | 'textarea') {
  const Component = forwardRef<HTMLElement, Props>((props, ref) => {
    const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
    const onChange = props.onChange as ((e: { detail: { value: string } }) => void) | undefined;
    return createElement(tag, {
      ...domProps(props),
      ref,
      value: props.value ?? '',
      placeholder: props.placeholder,
      maxLength: props.maxlength ?? props.maxLength,
      disabled: props.disabled,
      type:
        tag === 'input'
          ? (props.type as string) === 'number'
            ? 'text'
            : props.password
              ? 'password'
              : 'text'
          : undefined,
      onChange: (event: { target: { value: string } }) => {
        const detail = { detail: { value: event.target.value } };
        onInput?.(detail);
        onChange?.(detail);
      },
      onFocus: props.onFocus,
      onBlur: props.onBlur,
    });
  });
  Component.displayName = tag;
  return Component;
}

export const Input = inputLike('input');
export const Textarea = inputLike('textarea');

/** A date `Picker` as the phone shows it: what it wraps, plus a date box that answers like the picker. */
export const Picker = forwardRef<HTMLElement, Props>((props, ref) => {
  const onChange = props.onChange as ((e: { detail: { value: string } }) => void) | undefined;
  return createElement(
    'div',
    { ...domProps(props), ref },
    props.children as ReactNode,
    createElement('input', {
      type: 'date',
      'aria-label': (props['aria-label'] as string | undefined) ?? '选择日期',
      value: props.value ?? '',
      min: props.start,
      max: props.end,
      onChange: (event: { target: { value: string } }) =>
        onChange?.({ detail: { value: event.target.value } }),
    }),
  );
});
Picker.displayName = 'Picker';
