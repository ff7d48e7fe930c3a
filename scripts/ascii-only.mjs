// build: JavaScript text → the same program in ASCII. Each character past ASCII in the Basic Multilingual Plane
// becomes a \uXXXX escape, which means that character in a string, a template, a regular expression (with or
// without the u and v flags) and an identifier alike (ECMA-262 §12.9.4, §22.2.1), and is inert in a comment. A
// character past the plane would need an escape that depends on where it is: it stops the build.

/** `text` with every non-ASCII character written as a \uXXXX escape. */
export function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/gu, (c) => {
    const code = c.codePointAt(0);
    if (code > 0xffff) throw new Error(`build-cli: U+${code.toString(16).toUpperCase()} in the bundle has no escape valid everywhere`);
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
