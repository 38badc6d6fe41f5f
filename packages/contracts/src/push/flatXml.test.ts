import { describe, expect, it } from 'vitest';
import { FlatXmlError, parseFlatXml, toFlatXml } from './flatXml.js';

describe('toFlatXml', () => {
  it('writes strings as CDATA and numbers as text', () => {
    expect(toFlatXml({ ToUserName: 'gh_1', CreateTime: 1700000000 })).toBe(
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1700000000</CreateTime></xml>',
    );
  });

  it('splits ]]> so the CDATA stays well formed', () => {
    expect(toFlatXml({ Payload: 'a]]>b' })).toBe('<xml><Payload><![CDATA[a]]]]><![CDATA[>b]]></Payload></xml>');
  });

  it('refuses invalid element names and non-finite numbers', () => {
    expect(() => toFlatXml({ 'bad name': 'x' })).toThrow("'bad name' is not a valid XML element name");
    expect(() => toFlatXml({ CreateTime: Number.NaN })).toThrow('CreateTime must be a finite number');
  });
});

describe('parseFlatXml', () => {
  it.each([
    ['', 'a'],
    ['plain', 'a'],
    ['a]]>b', 'a'],
    ['<tag> & "quotes" \'apos\'', 'a'],
    ['中文 😀 emoji', 'a'],
    ['line\nbreak', 'a'],
  ])('round-trips %j', (value) => {
    expect(parseFlatXml(toFlatXml({ Payload: value, N: 42 }))).toEqual({ Payload: value, N: '42' });
  });

  it('accepts a declaration, whitespace, comments, entities and self-closing elements', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
      <!-- pushed by WeChat -->
      <xml>
        <A><![CDATA[x]]></A>
        <B>1 &lt; 2 &amp;&#x41;&#66;</B>
        <C/>
        <!-- end -->
      </xml>
    `;
    expect(parseFlatXml(xml)).toEqual({ A: 'x', B: '1 < 2 &AB', C: '' });
  });

  it('keeps an element named __proto__ as a plain field', () => {
    const fields = parseFlatXml('<xml><__proto__>x</__proto__></xml>');
    expect(Object.keys(fields)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it.each([
    ['', 'the document is empty'],
    ['<root><A>x</A></root>', 'the root element must be <xml>'],
    ['<xml><A>x</B></xml>', 'expected </A> but found </B>'],
    ['<xml><A>x</A>', '<xml> is never closed'],
    ['<xml><A>x', '<A> is never closed: expected </A>'],
    ['<xml><A><B>x</B></A></xml>', 'element <B> is nested inside <A>'],
    ['<xml><A id="1">x</A></xml>', 'attributes are not supported'],
    ['<xml><A>x</A><A>y</A></xml>', 'element <A> appears twice'],
    ['<xml><A><![CDATA[x</A></xml>', 'CDATA section in <A> is never closed'],
    ['<xml><A>a &nbsp; b</A></xml>', "unknown entity '&nbsp;'"],
    ['<xml><A>a & b</A></xml>', "'&' must start an entity"],
    ['<xml>text<A>x</A></xml>', 'text directly inside <xml>'],
    ['<xml><A>x</A></xml><more/>', 'unexpected content after </xml>'],
    ['<xml><A>x</A></xml', "tag is never closed with '>'"],
    ['<xml><1A>x</1A></xml>', "'1A' is not a valid element name"],
  ])('rejects %j with a clear FlatXmlError', (xml, problem) => {
    expect(() => parseFlatXml(xml)).toThrow(FlatXmlError);
    expect(() => parseFlatXml(xml)).toThrow(problem);
  });

  it('reports the offset where reading stopped', () => {
    const xml = '<xml><A>x</B></xml>';
    try {
      parseFlatXml(xml);
      expect.unreachable('parseFlatXml should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FlatXmlError);
      expect((error as FlatXmlError).offset).toBe(xml.indexOf('</B>'));
      expect((error as FlatXmlError).message).toBe(`message XML is malformed at offset ${xml.indexOf('</B>')}: expected </A> but found </B>`);
    }
  });
});
