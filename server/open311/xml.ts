/*
 * The XML that Open311 answers are written in: an XML declaration, one root element, no namespaces, every value a
 * plain text element. A list is an element holding one element per item, named by ITEM_NAMES (attributes →
 * attribute). Written by hand, since that is all it takes: text escaped, and characters XML 1.0 cannot carry (control
 * characters, lone surrogates) replaced, so that a strict parser on the other side never fails on a person's text.
 */

/** A value of an answer: the same value is written as JSON, or as XML here. Undefined fields are left out. */
export type Open311Value =
  string | number | boolean | null | undefined | Open311Value[] | { [name: string]: Open311Value };

/** The element of one item of each list. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  service_requests_updates: 'request_update',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

/** XML 1.0's Char production: tab, LF, CR, and the rest but other controls, U+FFFE/U+FFFF and lone surrogates. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

export function escapeXmlText(text: string): string {
  return [...text]
    .map((ch) => (isXmlChar(ch.codePointAt(0)!) ? ch : '\uFFFD'))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function element(name: string, value: Open311Value): string {
  if (value === undefined) return '';
  if (value === null || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element for the list ${name}`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([key, v]) => element(key, v));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

/** A whole document: `<?xml …?>` and the root element holding `value`. */
export function xmlDocument(root: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
