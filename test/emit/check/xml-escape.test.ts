// XML escaping: entities and character references decode back to the input (a reference decoder), no
// character outside XML 1.0's Char production survives, and a real parser (xmllint) accepts documents
// built from arbitrary strings.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlAttr, xmlSafe, xmlText } from '../../../src/emit/check/xml-escape.js';

/** XML 1.0 production [2] Char, per code point. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Every code point of `s` (lone surrogates as themselves) is an XML Char. */
function allXmlChars(s: string): boolean {
  for (const ch of s) if (!isXmlChar(ch.codePointAt(0) ?? 0)) return false;
  return true;
}

/** Reference decoder for the five entities and decimal character references. */
function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_, e: string) => {
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] ?? '';
  });
}

/** Strings of arbitrary UTF-16 code units (lone surrogates included) and of arbitrary code points. */
const anyString = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\t', '\n', '\r', '\u0000', '\u001f', 'a', ']'), maxLength: 40 }),
);

describe('xml escaping', () => {
  it('xmlSafe leaves only XML characters and keeps valid text unchanged', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const safe = xmlSafe(s);
        expect(allXmlChars(safe)).toBe(true);
        if (allXmlChars(s)) expect(safe).toBe(s);
      }),
    );
    expect(xmlSafe('a\u0001b\uD800c\uFFFF')).toBe('a\\u0001b\\uD800c\\uFFFF');
    expect(xmlSafe('pair \uD83D\uDE00 ok')).toBe('pair \uD83D\uDE00 ok');
  });

  it('attribute and text escapes decode back to the safe text and hold no raw markup', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const attr = xmlAttr(s);
        const text = xmlText(s);
        expect(decode(attr)).toBe(xmlSafe(s));
        expect(decode(text)).toBe(xmlSafe(s));
        expect(attr).not.toMatch(/[<>"\t\n\r]|&(?!(lt|gt|amp|quot|#\d+);)/);
        expect(text).not.toMatch(/[<>\r]|&(?!(lt|gt|amp|#\d+);)/);
      }),
    );
    expect(xmlAttr('a<b & "c"\n')).toBe('a&lt;b &amp; &quot;c&quot;&#10;');
    expect(xmlText('a<b & "c"\r\n')).toBe('a&lt;b &amp; "c"&#13;\n');
  });

  const xmllint = !spawnSync('xmllint', ['--version']).error;
  it.skipIf(!xmllint && process.env['CI'] === undefined)('xmllint parses documents built from arbitrary strings', () => {
    const strings = fc.sample(anyString, { numRuns: 300, seed: 7 });
    const body = strings.map((s) => `<e a="${xmlAttr(s)}">${xmlText(s)}</e>`).join('\n');
    const r = spawnSync('xmllint', ['--noout', '-'], { input: `<?xml version="1.0" encoding="UTF-8"?>\n<r>\n${body}\n</r>\n`, encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
