import { CallbackReceiverError } from './callbackReceiverError.js';

/** The value of one XML element: its text (CDATA included), or its child elements when it has any. */
export type XmlValue = string | XmlFields | XmlValue[];

/** The child elements of an element by name; a name that repeats holds an array, in document order. */
export interface XmlFields {
  [name: string]: XmlValue;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, at: number): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    const decoded = ENTITIES[name];
    if (decoded === undefined) throw new CallbackReceiverError('badBody', `unknown XML entity ${whole} near character ${at}`);
    return decoded;
  });
}

/**
 * A reader of any well-formed message-push XML (D §4.13): `<xml>` with child elements, text or CDATA values, nested
 * elements (for example `subscribe_msg_popup_event`'s `<List><item>…</item></List>`), comments and an optional
 * `<?xml …?>` declaration. Attributes are read past and ignored (WeChat's pushes use none). Element values are
 * strings; an element with children is an object, and a child name that repeats becomes an array.
 *
 * Throws `CallbackReceiverError('badBody')` for text that is not well-formed XML (unclosed or mismatched tags,
 * a root other than `<xml>`, content after the root).
 *
 * @example
 * parseXmlMessage('<xml><Event>subscribe_msg_popup_event</Event><List><item><TemplateId>T</TemplateId></item></List></xml>');
 * // { Event: 'subscribe_msg_popup_event', List: { item: { TemplateId: 'T' } } }
 */
export function parseXmlMessage(text: string): XmlFields {
  let pos = 0;
  const fail = (what: string): never => {
    throw new CallbackReceiverError('badBody', `the XML is not well formed: ${what} (at character ${pos})`);
  };
  const skipMisc = (): void => {
    for (;;) {
      while (pos < text.length && /\s/.test(text.charAt(pos))) pos += 1;
      if (text.startsWith('<?', pos)) {
        const end = text.indexOf('?>', pos);
        if (end < 0) fail('an unterminated <? … ?>');
        pos = end + 2;
      } else if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) fail('an unterminated comment');
        pos = end + 3;
      } else {
        return;
      }
    }
  };
  const readName = (): string => {
    const match = NAME.exec(text.slice(pos));
    if (!match) return fail('an element name was expected');
    pos += match[0].length;
    return match[0];
  };
  /** Reads `<name …>content</name>` or `<name …/>` at `pos`; returns its name and value. */
  const readElement = (depth: number): [string, XmlValue] => {
    if (depth > 32) fail('elements nest deeper than 32 levels');
    if (text.charAt(pos) !== '<') fail('"<" was expected');
    pos += 1;
    const name = readName();
    const close = text.indexOf('>', pos);
    if (close < 0) fail(`<${name} is never closed`);
    const selfClosing = text.charAt(close - 1) === '/';
    pos = close + 1;
    if (selfClosing) return [name, ''];
    let textValue = '';
    const children: XmlFields = {};
    let hasChildren = false;
    for (;;) {
      if (pos >= text.length) fail(`</${name}> is missing`);
      if (text.startsWith('<![CDATA[', pos)) {
        const end = text.indexOf(']]>', pos + 9);
        if (end < 0) fail('an unterminated CDATA section');
        textValue += text.slice(pos + 9, end);
        pos = end + 3;
      } else if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) fail('an unterminated comment');
        pos = end + 3;
      } else if (text.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        while (/\s/.test(text.charAt(pos))) pos += 1;
        if (text.charAt(pos) !== '>') fail(`</${closing} is never closed`);
        pos += 1;
        return [name, hasChildren ? children : textValue];
      } else if (text.charAt(pos) === '<') {
        const [childName, childValue] = readElement(depth + 1);
        hasChildren = true;
        const existing = children[childName];
        if (existing === undefined) children[childName] = childValue;
        else if (Array.isArray(existing)) existing.push(childValue);
        else children[childName] = [existing, childValue];
      } else {
        const next = text.indexOf('<', pos);
        const end = next < 0 ? text.length : next;
        textValue += decodeEntities(text.slice(pos, end), pos);
        pos = end;
      }
    }
  };

  skipMisc();
  const [root, value] = readElement(0);
  if (root !== 'xml') fail(`the root element is <${root}>, not <xml>`);
  skipMisc();
  if (pos < text.length) fail('content follows </xml>');
  return typeof value === 'string' || Array.isArray(value) ? {} : value;
}
