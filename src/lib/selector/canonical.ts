// lib: Calico's canonical rendering of a selector AST (libcalico-go parser/ast.go collectFragments, i.e.
// Selector.String()), plus the byte-order string sort Calico uses for set literals.
import type { SelectorNode } from './types.js';

const cache = new WeakMap<SelectorNode, string>();

/** The canonical text of `node`, cached per node object (ASTs are immutable and shared). */
export function canonicalString(node: SelectorNode): string {
  let s = cache.get(node);
  if (s === undefined) {
    s = render(node);
    cache.set(node, s);
  }
  return s;
}

function render(node: SelectorNode): string {
  switch (node.op) {
    case 'all':
      return 'all()';
    case 'global':
      return 'global()';
    case 'has':
      return `has(${node.key})`;
    case '==':
    case '!=':
    case 'contains':
    case 'starts with':
    case 'ends with':
      return `${node.key} ${node.op} ${quote(node.value)}`;
    case 'in':
    case 'not in':
      return `${node.key} ${node.op} {${node.values.map(quote).join(', ')}}`;
    case 'not':
      // No parentheses of its own: `!(a == "b")` renders as `!a == "b"`; and/or groups bring theirs.
      return `!${canonicalString(node.arg)}`;
    case 'and':
    case 'or':
      return `(${node.args.map(canonicalString).join(node.op === 'and' ? ' && ' : ' || ')})`;
  }
}

/** Double quotes unless the string contains one (then single quotes); Calico has no escapes. */
export function quote(s: string): string {
  return s.includes('"') ? `'${s}'` : `"${s}"`;
}

/** Map a UTF-16 unit so that numeric order equals code point (= UTF-8 byte) order. */
function unitRank(u: number): number {
  if (u < 0xd800) return u;
  return u >= 0xe000 ? u - 0x800 : u + 0x2000;
}

/** Compare as Go compares strings (UTF-8 bytes, i.e. code points), not by UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

/** Sorted (byte order) and de-duplicated copy, as parser.ConvertToStringSetInPlace. */
export function sortUnique(values: readonly string[]): string[] {
  const sorted = [...values].sort(compareCodePoints);
  const out: string[] = [];
  for (const v of sorted) if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  return out;
}
