import { describe, expect, it } from 'vitest';
import { CallbackReceiverError } from './callbackReceiverError.js';
import { parseXmlMessage } from './parseXmlMessage.js';

describe('parseXmlMessage', () => {
  it('reads flat fields, CDATA, entities, a declaration and comments', () => {
    expect(parseXmlMessage('<?xml version="1.0"?><!-- push --><xml><A><![CDATA[x<y]]></A><B>1 &amp; 2 &#65;&#x42;</B><C/></xml>')).toEqual({ A: 'x<y', B: '1 & 2 AB', C: '' });
  });

  it('reads nested elements as objects, and repeated names as arrays in order', () => {
    expect(parseXmlMessage('<xml>\n  <List><item><Id>1</Id></item><item><Id>2</Id></item></List>\n  <Single><Id>3</Id></Single>\n</xml>')).toEqual({
      List: { item: [{ Id: '1' }, { Id: '2' }] },
      Single: { Id: '3' },
    });
  });

  it.each([
    ['an unclosed element', '<xml><A>1</xml>'],
    ['a missing end tag', '<xml><A>1</A>'],
    ['another root', '<root><A>1</A></root>'],
    ['content after the root', '<xml></xml><xml></xml>'],
    ['an unknown entity', '<xml><A>&nbsp;</A></xml>'],
    ['an unterminated CDATA section', '<xml><A><![CDATA[x</A></xml>'],
  ])('refuses %s with badBody', (_name, text) => {
    expect(() => parseXmlMessage(text)).toThrow(CallbackReceiverError);
    try {
      parseXmlMessage(text);
    } catch (error) {
      expect((error as CallbackReceiverError).reason).toBe('badBody');
    }
  });
});
