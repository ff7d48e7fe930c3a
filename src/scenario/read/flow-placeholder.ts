// scenario: a scenario placeholder written bare inside flow syntax (`[{i+1}]`, `{tenant}`), which YAML reads as a
// flow map of one key with no value, turned back into the placeholder's text — for both YAML readers.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { PEntry, PScalar } from './positioned.js';

const PLACEHOLDER_KEY = /^(i([+\-*]\d+)?(:\d+)?|tenant)$/;

/** The placeholder a flow map's `entries` stand for, at the map's `src`, or undefined when they are a real map. */
export function flowPlaceholder(entries: readonly PEntry[], src: SourceRef): PScalar | undefined {
  if (entries.length !== 1) return undefined;
  const only = entries[0] as PEntry;
  if (only.value.kind !== 'scalar' || only.value.value !== null || !PLACEHOLDER_KEY.test(only.key)) return undefined;
  return { kind: 'scalar', value: `{${only.key}}`, src };
}
