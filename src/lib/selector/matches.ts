// lib: evaluation of a selector AST against one label map, with Calico's missing-label rules
// (libcalico-go parser/ast.go Evaluate: `!=` and `not in` are true when the label is absent).
import type { Labels } from '../labels.js';
import type { SelectorNode } from './types.js';

/** The value of `key`, or undefined when absent (own properties only: `constructor` is a fine label). */
function lookup(labels: Labels, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** True when `labels` satisfies `node`. */
export function matchesNode(node: SelectorNode, labels: Labels): boolean {
  switch (node.op) {
    case 'all':
    case 'global':
      return true;
    case 'has':
      return Object.hasOwn(labels, node.key);
    case '==':
      return lookup(labels, node.key) === node.value;
    case '!=':
      return lookup(labels, node.key) !== node.value;
    case 'in': {
      const v = lookup(labels, node.key);
      return v !== undefined && node.values.includes(v);
    }
    case 'not in': {
      const v = lookup(labels, node.key);
      return v === undefined || !node.values.includes(v);
    }
    case 'contains': {
      const v = lookup(labels, node.key);
      return v !== undefined && v.includes(node.value);
    }
    case 'starts with': {
      const v = lookup(labels, node.key);
      return v !== undefined && v.startsWith(node.value);
    }
    case 'ends with': {
      const v = lookup(labels, node.key);
      return v !== undefined && v.endsWith(node.value);
    }
    case 'not':
      return !matchesNode(node.arg, labels);
    case 'and':
      for (const a of node.args) if (!matchesNode(a, labels)) return false;
      return true;
    case 'or':
      for (const a of node.args) if (matchesNode(a, labels)) return true;
      return false;
  }
}
