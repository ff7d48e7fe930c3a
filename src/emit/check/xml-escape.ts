// emit: escaping text for XML 1.0 documents (JUnit). Markup characters become entities; characters
// XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF —
// production [2] Char of the XML 1.0 spec) become a visible `\uXXXX` so nothing is lost silently.

// Code units outside Char: C0 controls but \t \n \r, lone high/low surrogates, U+FFFE and U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `s` with every character XML 1.0 forbids replaced by its `\uXXXX` spelling. */
export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, visible);
}

/** Text content: `&`, `<`, `>` as entities; CR as a character reference (parsers turn a raw CR into LF). */
export function xmlText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value for double quotes; tab, LF and CR as character references so that attribute-value
 *  normalisation (XML 1.0 §3.3.3) keeps them. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
