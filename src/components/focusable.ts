/**
 * Spread on a View that acts as a button, link, radio or switch: on H5 it joins the keyboard's tab order, in reading
 * order. (Taro's ViewProps leave `tabIndex` out; WeChat ignores it.)
 */
export const FOCUSABLE: Record<string, number> = { tabIndex: 0 };
