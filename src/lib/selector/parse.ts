// lib: Calico selector text into a Selector — recursive descent over the tokens, following
// libcalico-go/lib/selector/parser/parser.go (`||` < `&&` < `!`, runs of `!` collapse to parity).
import { canonicalString, sortUnique } from './canonical.js';
import { matchesNode } from './matches.js';
import { tokenize, type Token } from './tokenize.js';
import { SelectorParseError, type Selector, type SelectorNode } from './types.js';

const MEMO_LIMIT = 8192;
/**
 * Deepest parenthesis nesting read. Calico's parser has no limit (Go stacks grow); ours recurses on the
 * JavaScript stack, so a hostile `((((…` gets a clear error instead of a stack overflow.
 */
export const MAX_SELECTOR_DEPTH = 100;
const memo = new Map<string, Selector>();

/**
 * Parse and validate a selector; throws SelectorParseError. Parses are memoised (bounded, oldest entry
 * evicted first), so the same text returns the same Selector object.
 */
export function parseSelector(text: string): Selector {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const sel = makeSelector(parseSelectorNode(text));
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(text, sel);
  return sel;
}

/**
 * parseSelector(text) when the caller can build its AST from parts already parsed: `build` must return what
 * parseSelectorNode(text) returns. Shares parseSelector's memo, so equal texts still give one Selector.
 */
export function parseSelectorAs(text: string, build: () => SelectorNode): Selector {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const sel = makeSelector(build());
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(text, sel);
  return sel;
}

/** A Selector around an AST (the AST must be in parser form: sets sorted and de-duplicated). */
export function makeSelector(ast: SelectorNode): Selector {
  const text = canonicalString(ast);
  return { ast, matches: (labels) => matchesNode(ast, labels), toString: () => text };
}

/** The AST of `text` (empty or blank text is `all()`); throws SelectorParseError. */
export function parseSelectorNode(text: string): SelectorNode {
  const tokens = tokenize(text);
  const p = new TokenCursor(text, tokens);
  if (p.peek().kind === 'eof') return { op: 'all' };
  const node = parseOr(p);
  const rest = p.peek();
  if (rest.kind !== 'eof') p.fail(rest, 'unexpected content at end of selector');
  return node;
}

/** Position in the token list; tokens always end with `eof`, which is never consumed. */
class TokenCursor {
  private i = 0;
  /** Parentheses open at the current position. */
  depth = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)] as Token;
  }
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  fail(at: Token, reason: string): never {
    throw new SelectorParseError(this.text, at.pos + 1, reason);
  }
}

function parseOr(p: TokenCursor): SelectorNode {
  const args = [parseAnd(p)];
  while (p.peek().kind === '||') {
    p.next();
    args.push(parseAnd(p));
  }
  return args.length === 1 ? (args[0] as SelectorNode) : { op: 'or', args };
}

function parseAnd(p: TokenCursor): SelectorNode {
  const args = [parseOperation(p)];
  while (p.peek().kind === '&&') {
    p.next();
    args.push(parseOperation(p));
  }
  return args.length === 1 ? (args[0] as SelectorNode) : { op: 'and', args };
}

function parseOperation(p: TokenCursor): SelectorNode {
  let negated = false;
  while (p.peek().kind === '!') {
    p.next();
    negated = !negated;
  }
  const node = parsePrimary(p);
  return negated ? { op: 'not', arg: node } : node;
}

function parsePrimary(p: TokenCursor): SelectorNode {
  const t = p.next();
  switch (t.kind) {
    case 'has':
      return { op: 'has', key: t.value };
    case 'all':
      return { op: 'all' };
    case 'global':
      return { op: 'global' };
    case 'label':
      return parseLabelOperation(p, t.value);
    case '(': {
      if (++p.depth > MAX_SELECTOR_DEPTH) p.fail(t, `parentheses nested deeper than ${MAX_SELECTOR_DEPTH} levels`);
      const node = parseOr(p);
      p.depth--;
      const close = p.next();
      if (close.kind !== ')') p.fail(close, "expected ')'");
      return node;
    }
    case 'eof':
      return p.fail(t, 'unexpected end of selector');
    default:
      return p.fail(t, `unexpected ${describe(t)}`);
  }
}

function parseLabelOperation(p: TokenCursor, key: string): SelectorNode {
  const op = p.next();
  switch (op.kind) {
    case '==':
    case '!=':
    case 'contains':
    case 'starts with':
    case 'ends with': {
      const lit = p.next();
      if (lit.kind !== 'string') p.fail(lit, `expected a quoted string after '${op.kind}', found ${describe(lit)}`);
      return { op: op.kind, key, value: lit.value };
    }
    case 'in':
    case 'not in': {
      const brace = p.next();
      if (brace.kind !== '{') {
        p.fail(brace, `expected a set literal '{...}' after '${op.kind}', found ${describe(brace)}`);
      }
      const values: string[] = [];
      // Items are strings separated by commas; one trailing comma is allowed; `{}` is the empty set.
      while (p.peek().kind === 'string') {
        values.push(p.next().value);
        if (p.peek().kind !== ',') break;
        p.next();
      }
      const close = p.next();
      if (close.kind !== '}') p.fail(close, `expected '}', found ${describe(close)}`);
      return { op: op.kind, key, values: sortUnique(values) };
    }
    case 'eof':
      return p.fail(op, `expected an operator after label "${key}", found end of selector`);
    default:
      return p.fail(op, `expected an operator after label "${key}", found ${describe(op)}`);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of selector';
    case 'label':
      return `label "${t.value}"`;
    case 'string':
      return `string ${JSON.stringify(t.value)}`;
    case 'has':
      return `has(${t.value})`;
    case 'all':
    case 'global':
      return `${t.kind}()`;
    default:
      return `'${t.kind}'`;
  }
}
