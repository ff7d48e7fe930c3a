// model: three-valued selector evaluation (Kleene logic) for labels that may be unknown — the pcns.*
// labels of a pod whose namespace was referenced but never declared. `undefined` means "depends".
import type { Labels } from '../../../scenario/types.js';
import type { SelectorNode } from '../../../lib/selector/types.js';

/** True / false when the labels decide `node`; undefined when the answer depends on an unknown label. */
export function triMatch(node: SelectorNode, labels: Labels, unknownKey: (key: string) => boolean): boolean | undefined {
  switch (node.op) {
    case 'all':
    case 'global':
      return true;
    case 'not': {
      const v = triMatch(node.arg, labels, unknownKey);
      return v === undefined ? undefined : !v;
    }
    case 'and': {
      let open = false;
      for (const a of node.args) {
        const v = triMatch(a, labels, unknownKey);
        if (v === false) return false;
        if (v === undefined) open = true;
      }
      return open ? undefined : true;
    }
    case 'or': {
      let open = false;
      for (const a of node.args) {
        const v = triMatch(a, labels, unknownKey);
        if (v === true) return true;
        if (v === undefined) open = true;
      }
      return open ? undefined : false;
    }
    default:
      if (!Object.hasOwn(labels, node.key) && unknownKey(node.key)) return undefined;
      return leaf(node, Object.hasOwn(labels, node.key) ? labels[node.key] : undefined);
  }
}

function leaf(node: Exclude<SelectorNode, { op: 'all' | 'global' | 'not' | 'and' | 'or' }>, v: string | undefined): boolean {
  switch (node.op) {
    case 'has':
      return v !== undefined;
    case '==':
      return v === node.value;
    case '!=':
      return v !== node.value;
    case 'in':
      return v !== undefined && node.values.includes(v);
    case 'not in':
      return v === undefined || !node.values.includes(v);
    case 'contains':
      return v !== undefined && v.includes(node.value);
    case 'starts with':
      return v !== undefined && v.startsWith(node.value);
    case 'ends with':
      return v !== undefined && v.endsWith(node.value);
  }
}
