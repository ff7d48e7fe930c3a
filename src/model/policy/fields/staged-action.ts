// model: `spec.stagedAction` of Calico's staged policy kinds (Set, Delete, Learn, Ignore; default Set).
import type { JsonObject } from '../../../scenario/types.js';
import { fail, type ReadCtx } from './read-json.js';

export type StagedAction = 'Set' | 'Delete' | 'Learn' | 'Ignore';

const ACTIONS: readonly StagedAction[] = ['Set', 'Delete', 'Learn', 'Ignore'];

/** The staged action (Set when absent); undefined when invalid (reported). */
export function readStagedAction(ctx: ReadCtx, spec: JsonObject): StagedAction | undefined {
  const v = spec['stagedAction'];
  if (v === undefined || v === null) return 'Set';
  const found = ACTIONS.find((a) => a === v);
  if (!found) fail(ctx, 'spec.stagedAction', `unsupported value ${JSON.stringify(v)}: supported values: Set, Delete, Learn, Ignore`);
  return found;
}
