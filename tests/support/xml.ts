import { SaxesParser } from 'saxes';

/*
 * XML read as a deployed Open311 client reads it: strictly (any well-formedness or character error fails, as with
 * XML::Simple over expat in FixMyStreet's client), elements as fields, the elements of lists always as arrays
 * (FixMyStreet's ForceArray), empty elements as null (its SuppressEmpty => undef).
 */

export type XmlNode = string | null | XmlElement;
export interface XmlElement {
  [name: string]: XmlNode | XmlNode[];
}

/** Elements that are always lists, whatever their count. */
const LIST_ITEMS = new Set([
  'service',
  'attribute',
  'value',
  'request',
  'error',
  'request_update',
  'endpoint',
  'format',
]);

export interface XmlDocument {
  /** The root element's name. */
  root: string;
  body: XmlElement;
  /** The XML declaration's encoding, if it gave one. */
  encoding: string | undefined;
}

/** Parses a whole document, or throws on the first error a strict parser finds. */
export function parseXml(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false });
  let encoding: string | undefined;
  let root = '';
  const stack: { name: string; children: XmlElement; text: string; hasChildren: boolean }[] = [];
  let body: XmlElement = {};
  parser.on('xmldecl', (decl) => (encoding = decl.encoding));
  parser.on('opentag', (tag) => {
    if (Object.keys(tag.attributes).length > 0) throw new Error(`attributes on <${tag.name}>`);
    if (stack.length === 0) root = tag.name;
    else stack[stack.length - 1].hasChildren = true;
    stack.push({ name: tag.name, children: {}, text: '', hasChildren: false });
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    const done = stack.pop()!;
    const value: XmlNode = done.hasChildren ? done.children : done.text === '' ? null : done.text;
    if (stack.length === 0) {
      body = done.hasChildren ? done.children : {};
      return;
    }
    const parent = stack[stack.length - 1].children;
    const existing = parent[done.name];
    if (LIST_ITEMS.has(done.name)) {
      parent[done.name] = [...((existing as XmlNode[] | undefined) ?? []), value];
    } else if (existing !== undefined) {
      throw new Error(`<${done.name}> twice in one element`);
    } else {
      parent[done.name] = value;
    }
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
  return { root, body, encoding };
}

/** The items of a list document: `<service_requests><request>…</request>…` → the requests. */
export function xmlItems(text: string, item: string): XmlElement[] {
  const { body } = parseXml(text);
  return ((body[item] as XmlNode[] | undefined) ?? []) as XmlElement[];
}
