/**
 * A tiny reader and writer for WeChat's flat message-push XML: one `<xml>` root whose children are leaf
 * elements holding text or CDATA, e.g. `<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1</CreateTime></xml>`.
 * Pure JavaScript (no DOM, no Node built-ins, no XML library), so it runs in a mini program's JS engine. It
 * rejects anything outside that shape (nested elements, attributes, mismatched tags) with a `FlatXmlError`.
 */

/** A malformed or non-flat XML document; `offset` is the character index where reading stopped. */
export class FlatXmlError extends Error {
  /** Character index in the input where the problem was found. */
  readonly offset: number;

  constructor(problem: string, offset: number) {
    super(`message XML is malformed at offset ${offset}: ${problem}`);
    this.name = 'FlatXmlError';
    this.offset = offset;
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Wraps a string in CDATA, splitting any `]]>` so it survives (`]]]]><![CDATA[>`). */
function cdata(value: string): string {
  return `<![CDATA[${value.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/**
 * Writes a flat `<xml>` document: strings go into CDATA, numbers are written as decimal text.
 *
 * @example
 * toFlatXml({ ToUserName: 'gh_1', CreateTime: 1700000000 });
 * // '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1700000000</CreateTime></xml>'
 */
export function toFlatXml(fields: Readonly<Record<string, string | number>>): string {
  let body = '';
  for (const [name, value] of Object.entries(fields)) {
    if (!NAME.test(name)) throw new TypeError(`toFlatXml: '${name}' is not a valid XML element name`);
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`toFlatXml: ${name} must be a finite number, got ${value}`);
    body += `<${name}>${typeof value === 'number' ? String(value) : cdata(value)}</${name}>`;
  }
  return `<xml>${body}</xml>`;
}

function decodeEntities(text: string, offset: number): string {
  return text.replace(/&([^;&\s]*);?/g, (match: string, entity: string, at: number) => {
    if (!match.endsWith(';')) throw new FlatXmlError(`'&' must start an entity such as &amp; (found '${match}')`, offset + at);
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      const code = Number.parseInt(entity.slice(2), 16);
      if (/^[0-9a-fA-F]+$/.test(entity.slice(2)) && code <= 0x10ffff) return String.fromCodePoint(code);
    } else if (entity.startsWith('#')) {
      const code = Number.parseInt(entity.slice(1), 10);
      if (/^\d+$/.test(entity.slice(1)) && code <= 0x10ffff) return String.fromCodePoint(code);
    } else {
      const named = ENTITIES[entity];
      if (named !== undefined) return named;
    }
    throw new FlatXmlError(`unknown entity '&${entity};'`, offset + at);
  });
}

/** A cursor over the input with the few moves this grammar needs. */
class Reader {
  pos = 0;
  constructor(readonly xml: string) {}

  consumeSpaceAndComments(): void {
    for (;;) {
      while (this.pos < this.xml.length && /\s/.test(this.xml.charAt(this.pos))) this.pos += 1;
      if (!this.xml.startsWith('<!--', this.pos)) return;
      const end = this.xml.indexOf('-->', this.pos + 4);
      if (end < 0) throw new FlatXmlError("comment '<!--' is never closed with '-->'", this.pos);
      this.pos = end + 3;
    }
  }

  /** Reads `<name>`, `<name/>` or `</name>` at the cursor. */
  tag(): { name: string; closing: boolean; selfClosing: boolean; at: number } {
    const at = this.pos;
    if (this.xml.charAt(at) !== '<') throw new FlatXmlError(`expected '<' but found ${this.describeAt(at)}`, at);
    const end = this.xml.indexOf('>', at);
    if (end < 0) throw new FlatXmlError("tag is never closed with '>'", at);
    let inner = this.xml.slice(at + 1, end).trim();
    const closing = inner.startsWith('/');
    const selfClosing = !closing && inner.endsWith('/');
    if (closing) inner = inner.slice(1).trim();
    if (selfClosing) inner = inner.slice(0, -1).trim();
    if (/\s/.test(inner)) throw new FlatXmlError(`attributes are not supported in <${inner.split(/\s/)[0] ?? ''}>: the message XML is flat`, at);
    if (!NAME.test(inner)) throw new FlatXmlError(`'${inner}' is not a valid element name`, at);
    this.pos = end + 1;
    return { name: inner, closing, selfClosing, at };
  }

  /** Reads text and CDATA up to `</name>`, rejecting nested elements. */
  content(name: string): string {
    let value = '';
    for (;;) {
      if (this.pos >= this.xml.length) throw new FlatXmlError(`<${name}> is never closed: expected </${name}>`, this.pos);
      if (this.xml.startsWith('<![CDATA[', this.pos)) {
        const end = this.xml.indexOf(']]>', this.pos + 9);
        if (end < 0) throw new FlatXmlError(`CDATA section in <${name}> is never closed with ']]>'`, this.pos);
        value += this.xml.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.xml.charAt(this.pos) === '<') {
        const close = this.tag();
        if (!close.closing) throw new FlatXmlError(`element <${close.name}> is nested inside <${name}>: the message XML is flat`, close.at);
        if (close.name !== name) throw new FlatXmlError(`expected </${name}> but found </${close.name}>`, close.at);
        return value;
      } else {
        const next = this.xml.indexOf('<', this.pos);
        const end = next < 0 ? this.xml.length : next;
        const raw = this.xml.slice(this.pos, end);
        if (raw.includes(']]>')) throw new FlatXmlError(`']]>' may not appear in text of <${name}>`, this.pos + raw.indexOf(']]>'));
        value += decodeEntities(raw, this.pos);
        this.pos = end;
      }
    }
  }

  describeAt(at: number): string {
    return at >= this.xml.length ? 'the end of the input' : `'${this.xml.slice(at, at + 12)}'`;
  }
}

/**
 * Reads a flat `<xml>` document into a record of element name → text (CDATA unwrapped, entities decoded).
 * An optional `<?xml …?>` declaration, whitespace and comments between elements are accepted.
 * Throws a `FlatXmlError` naming the offset and the problem for anything else.
 *
 * @example
 * parseFlatXml('<xml><Sn><![CDATA[SN_1]]></Sn></xml>'); // { Sn: 'SN_1' }
 */
export function parseFlatXml(xml: string): Record<string, string> {
  const reader = new Reader(xml.startsWith('\uFEFF') ? xml.slice(1) : xml);
  reader.consumeSpaceAndComments();
  if (reader.xml.startsWith('<?xml', reader.pos)) {
    const end = reader.xml.indexOf('?>', reader.pos);
    if (end < 0) throw new FlatXmlError("XML declaration is never closed with '?>'", reader.pos);
    reader.pos = end + 2;
    reader.consumeSpaceAndComments();
  }
  if (reader.pos >= reader.xml.length) throw new FlatXmlError('the document is empty: expected <xml>', reader.pos);
  const root = reader.tag();
  if (root.closing || root.selfClosing || root.name !== 'xml') {
    throw new FlatXmlError(`the root element must be <xml>, found ${root.closing ? '</' : '<'}${root.name}${root.selfClosing ? '/' : ''}>`, root.at);
  }
  const fields: Record<string, string> = {};
  for (;;) {
    reader.consumeSpaceAndComments();
    if (reader.pos >= reader.xml.length) throw new FlatXmlError('<xml> is never closed: expected </xml>', reader.pos);
    if (reader.xml.charAt(reader.pos) !== '<') throw new FlatXmlError(`text directly inside <xml> is not allowed (found ${reader.describeAt(reader.pos)})`, reader.pos);
    const tag = reader.tag();
    if (tag.closing) {
      if (tag.name !== 'xml') throw new FlatXmlError(`expected </xml> or a child element but found </${tag.name}>`, tag.at);
      break;
    }
    if (Object.prototype.hasOwnProperty.call(fields, tag.name)) throw new FlatXmlError(`element <${tag.name}> appears twice`, tag.at);
    // defineProperty, not assignment, so that an element named __proto__ stays an ordinary field.
    Object.defineProperty(fields, tag.name, {
      value: tag.selfClosing ? '' : reader.content(tag.name),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  reader.consumeSpaceAndComments();
  if (reader.pos < reader.xml.length) throw new FlatXmlError(`unexpected content after </xml>: ${reader.describeAt(reader.pos)}`, reader.pos);
  return fields;
}
