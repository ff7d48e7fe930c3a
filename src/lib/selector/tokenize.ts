// lib: the Calico selector tokenizer — selector text into tokens with their offsets, following
// libcalico-go/lib/selector/tokenizer/tokenizer.go (keywords only in context, no string escapes).
import { isLabelKeyChar, MAX_LABEL_KEY_LENGTH } from './label-key.js';
import { SelectorParseError } from './types.js';

export type TokenKind =
  | 'label'
  | 'string'
  | '{'
  | '}'
  | ','
  | '=='
  | '!='
  | 'in'
  | '!'
  | 'not in'
  | 'contains'
  | 'starts with'
  | 'ends with'
  | 'all'
  | 'has'
  | 'global'
  | '('
  | ')'
  | '&&'
  | '||'
  | 'eof';

/** One token; `pos` is the 0-based offset of its first character (of the input length for `eof`). */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly pos: number;
}

const SINGLE: Readonly<Record<string, TokenKind>> = { '(': '(', ')': ')', '{': '{', '}': '}', ',': ',' };

/** Tokens of `text`, always ending with an `eof` token; throws SelectorParseError. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const fail = (pos: number, reason: string): never => {
    throw new SelectorParseError(text, pos + 1, reason);
  };
  let i = skipSpace(text, 0);
  while (i < text.length) {
    const c = text[i] as string;
    const lastKind = tokens.length > 0 ? (tokens[tokens.length - 1] as Token).kind : undefined;
    const single = SINGLE[c];
    if (single !== undefined) {
      tokens.push({ kind: single, value: '', pos: i });
      i++;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) fail(i, 'unterminated string');
      tokens.push({ kind: 'string', value: text.slice(i + 1, end), pos: i });
      i = end + 1;
    } else if (c === '=' || c === '&' || c === '|') {
      if (text[i + 1] !== c) fail(i, `expected ${c}${c}`);
      tokens.push({ kind: c === '=' ? '==' : c === '&' ? '&&' : '||', value: '', pos: i });
      i += 2;
    } else if (c === '!') {
      const ne = text[i + 1] === '=';
      tokens.push({ kind: ne ? '!=' : '!', value: '', pos: i });
      i += ne ? 2 : 1;
    } else if (lastKind === 'label') {
      // Right after a label only a word operator may follow (tokenizer: "expected operator after label").
      const op = wordOperator(text, i);
      if (op === undefined) fail(i, `expected operator after label "${(tokens[tokens.length - 1] as Token).value}"`);
      else {
        tokens.push({ kind: op.kind, value: '', pos: i });
        i = op.end;
      }
    } else if (text.startsWith('has(', i)) {
      let j = skipSpace(text, i + 4);
      const end = identifierEnd(text, j, fail);
      const key = text.slice(j, end);
      j = skipSpace(text, end);
      if (text[j] !== ')') fail(j, "no closing ')' after has(");
      tokens.push({ kind: 'has', value: key, pos: i });
      i = j + 1;
    } else if (text.startsWith('all(', i) || text.startsWith('global(', i)) {
      const kind = text[i] === 'a' ? 'all' : 'global';
      const j = skipSpace(text, i + kind.length + 1);
      if (text[j] !== ')') fail(j, `no closing ')' after ${kind}(`);
      tokens.push({ kind, value: '', pos: i });
      i = j + 1;
    } else {
      const end = identifierEnd(text, i, fail);
      tokens.push({ kind: 'label', value: text.slice(i, end), pos: i });
      i = end;
    }
    i = skipSpace(text, i);
  }
  tokens.push({ kind: 'eof', value: '', pos: text.length });
  return tokens;
}

/** Index of the first character at or after `i` that is neither a space nor a tab. */
function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** End of the identifier starting at `start`; fails when it is empty or longer than 512 characters. */
function identifierEnd(text: string, start: number, fail: (pos: number, reason: string) => never): number {
  let end = start;
  while (end < text.length && isLabelKeyChar(text.charCodeAt(end))) end++;
  if (end === start) fail(start, 'expected identifier');
  if (end - start > MAX_LABEL_KEY_LENGTH) {
    fail(start + MAX_LABEL_KEY_LENGTH, `label longer than ${MAX_LABEL_KEY_LENGTH} characters`);
  }
  return end;
}

const WORD_OPERATORS: readonly (readonly [TokenKind, readonly string[]])[] = [
  ['contains', ['contains']],
  ['starts with', ['starts', 'with']],
  ['ends with', ['ends', 'with']],
  ['not in', ['not', 'in']],
  ['in', ['in']],
];

/**
 * The word operator at `i`, in Calico's order of trial. Multi-word operators allow spaces/tabs (or nothing)
 * between words, and skip the spaces after the last word before checking the word boundary.
 */
function wordOperator(text: string, i: number): { kind: TokenKind; end: number } | undefined {
  for (const [kind, words] of WORD_OPERATORS) {
    let j = i;
    let ok = true;
    for (const w of words) {
      if (!text.startsWith(w, j)) {
        ok = false;
        break;
      }
      j += w.length;
      if (words.length > 1) j = skipSpace(text, j);
    }
    if (ok && (j >= text.length || !isLabelKeyChar(text.charCodeAt(j)))) return { kind, end: j };
  }
  return undefined;
}
