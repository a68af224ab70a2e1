import { escapeXmlText, xmlDocument } from '../../server/open311/xml';
import { parseXml } from '../support/xml';

// The XML writer: whatever a person typed, the document stays well-formed for a strict parser.
describe('Open311 XML', () => {
  it('escapes markup and replaces what XML 1.0 cannot carry', () => {
    const text = 'a < b & c > d\u0007\u0000 \ud800 emoji 🚦 "quoted" \'single\'\n\ttab';
    const doc = xmlDocument('service_requests', [{ description: text, empty: '', none: null }]);
    const parsed = parseXml(doc);
    const [request] = parsed.body.request as { description: string }[];
    expect(request).toEqual({
      description: 'a < b & c > d\ufffd\ufffd \ufffd emoji 🚦 "quoted" \'single\'\n\ttab',
      empty: null,
      none: null,
    });
    expect(escapeXmlText(']]>')).toBe(']]&gt;');
  });

  it('leaves out undefined fields and writes lists as one element per item', () => {
    const doc = xmlDocument('service_definition', {
      service_code: 'x',
      lat: undefined,
      attributes: [
        {
          code: 'd',
          values: [
            { key: 'a', name: 'A' },
            { key: 'b', name: 'B' },
          ],
        },
      ],
    });
    expect(doc).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>x</service_code>' +
        '<attributes><attribute><code>d</code><values><value><key>a</key><name>A</name></value>' +
        '<value><key>b</key><name>B</name></value></values></attribute></attributes></service_definition>\n',
    );
  });
});
