// emit: JSON Schemas (draft-07) of the `calisim check --format json` (calisim.check/v1) and
// `calisim diff --format json` (calisim.diff/v1) outputs; docs/check-json-schema.md explains each field.
// Objects are closed (additionalProperties: false) so any drift from src/verdict/check/types.ts shows.
import type { AssertionStatus, ChangeKind, IsolationLayer, SideVerdicts } from '../../verdict/check/types.js';
import { CHECK_SCHEMA, DIFF_SCHEMA } from '../../verdict/check/types.js';
import { ASSERTION_KIND_IDS } from './assertion-kinds.js';

const keys = <K extends string>(r: Readonly<Record<K, true>>): K[] => Object.keys(r) as K[];
const STATUSES = keys<AssertionStatus>({ pass: true, fail: true, unknown: true });
const LAYERS = keys<IsolationLayer>({ underlay: true, 'outer-wall': true, routing: true, 'inner-wall': true });
const CHANGES = keys<ChangeKind>({ 'newly-allowed': true, 'newly-denied': true, 'to-unknown': true, 'from-unknown': true });
const VERDICTS = keys<SideVerdicts['verdict']>({ allow: true, deny: true, unknown: true });

const str = { type: 'string' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const num = { type: 'number' } as const;
const line = { type: 'integer', minimum: 0, description: '1-based; 0 when unknown' } as const;

/** A closed object: every property listed, the `required` ones mandatory. */
function obj(required: readonly string[], properties: Record<string, unknown>, description?: string): Record<string, unknown> {
  return { type: 'object', ...(description ? { description } : {}), required: [...required], properties, additionalProperties: false };
}

const sourceRef = obj(['file', 'line', 'col'], { file: str, line, col: line }, 'A place in the input: file, 1-based line and column.');

const decidingRule = obj(['side', 'cluster', 'action', 'decided'], {
  side: { enum: ['egress', 'ingress', 'management-egress', 'management-ingress'] },
  cluster: str,
  action: str,
  decided: { type: 'string', description: 'rule, end-of-tier, profile, no-policy, not-applicable or unknown' },
  tier: str,
  policy: str,
  ruleIndex: count,
  file: str,
  line,
});

/** draft-07 schema of renderCheckJson's output. */
export const checkJsonSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: `calisim check report (${CHECK_SCHEMA})`,
  definitions: {
    sourceRef,
    decidingRule,
    counterexample: obj(['at', 'flow', 'trace', 'rules'], {
      at: num,
      flow: obj(['from', 'to', 'protocol'], { from: str, to: str, protocol: str, port: { type: 'integer', minimum: 0, maximum: 65535 }, srcIp: str, dstIp: str }),
      trace: { type: 'array', items: str },
      rules: { type: 'array', items: { $ref: '#/definitions/decidingRule' } },
      layer: { enum: LAYERS },
      responsible: obj(['file', 'line', 'col', 'what'], { file: str, line, col: line, what: str }),
    }),
    assertion: obj(['id', 'kind', 'title', 'status', 'detail'], {
      id: str,
      kind: { enum: ASSERTION_KIND_IDS },
      title: str,
      status: { enum: STATUSES },
      failedAt: num,
      src: { $ref: '#/definitions/sourceRef' },
      detail: str,
      counterexample: { $ref: '#/definitions/counterexample' },
    }),
  },
  ...obj(['schema', 'scenario', 'seed', 'points', 'assertions', 'summary'], {
    schema: { const: CHECK_SCHEMA },
    scenario: str,
    seed: { type: 'integer' },
    points: { type: 'array', items: obj(['at', 'label'], { at: num, label: str }) },
    assertions: { type: 'array', items: { $ref: '#/definitions/assertion' } },
    summary: obj(['total', 'passed', 'failed', 'unknown'], { total: count, passed: count, failed: count, unknown: count }),
  }),
};

const workload = obj(['namespace', 'workload', 'kind'], { namespace: str, workload: str, kind: str });
const sideVerdicts = obj(['verdict'], { verdict: { enum: VERDICTS }, egress: { $ref: '#/definitions/decidingRule' }, ingress: { $ref: '#/definitions/decidingRule' } });

/** draft-07 schema of renderDiffJson's output. */
export const diffJsonSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: `calisim diff report (${DIFF_SCHEMA})`,
  definitions: {
    decidingRule,
    workload,
    sideVerdicts,
    change: obj(['cluster', 'from', 'to', 'protocol', 'ports', 'change', 'before', 'after'], {
      cluster: str,
      from: { oneOf: [{ $ref: '#/definitions/workload' }, obj(['address'], { address: str })] },
      to: { $ref: '#/definitions/workload' },
      protocol: str,
      ports: { type: 'string', pattern: '^(all|[0-9]+(-[0-9]+)?)$' },
      change: { enum: CHANGES },
      before: { $ref: '#/definitions/sideVerdicts' },
      after: { $ref: '#/definitions/sideVerdicts' },
      staged: { type: 'boolean' },
    }),
  },
  ...obj(['schema', 'before', 'after', 'changes', 'summary'], {
    schema: { const: DIFF_SCHEMA },
    before: str,
    after: str,
    changes: { type: 'array', items: { $ref: '#/definitions/change' } },
    summary: obj(['newlyAllowed', 'newlyDenied', 'toUnknown', 'fromUnknown'], { newlyAllowed: count, newlyDenied: count, toUnknown: count, fromUnknown: count }),
  }),
};
