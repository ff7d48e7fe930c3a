// Test helper: the facts the page must agree with, read from the CLI's JSON — session ends by state
// (`calisim bgp --format json`), matrix cells by verdict (`calisim reach --matrix --format json`), one side's
// decision (`calisim reach --probes --format json`) as the page's details list it — and the page's own data.
import { readFileSync } from 'node:fs';
import type { VizData } from '../../src/emit/viz/viz-data.js';
import { unpackViz, type PackedViz } from '../../viz/page/unpack-json.js';

/** The viz data embedded (packed) in a written page. */
export function pageData(htmlFile: string): VizData {
  const m = /<script id="viz-data" type="application\/json">(.*?)<\/script>/s.exec(readFileSync(htmlFile, 'utf8'));
  return unpackViz(JSON.parse(m![1]!) as PackedViz);
}

/** Session ends per state in a `bgp --format json` document. */
export function sessionStates(json: string): Map<string, number> {
  const doc = JSON.parse(json) as { nodes: { sessions: { state: string }[] }[] };
  const out = new Map<string, number>();
  for (const n of doc.nodes) for (const s of n.sessions) out.set(s.state, (out.get(s.state) ?? 0) + 1);
  return out;
}

/** Cells by verdict over every cluster's `reach --matrix --format json` document (one per cluster). */
export function cellCounts(text: string): Record<string, number> {
  const out: Record<string, number> = { allow: 0, some: 0, deny: 0 };
  // `reach --matrix --format json` is one document: a `clusters` array when there are several.
  const parsed = JSON.parse(text) as { clusters?: MatrixDoc[] } & Partial<MatrixDoc>;
  const docs: MatrixDoc[] = parsed.clusters ?? [parsed as MatrixDoc];
  for (const doc of docs) {
    const n = doc.workloads.length;
    let listed = 0;
    for (const row of Object.values(doc.matrix)) {
      for (const conns of Object.values(row)) {
        listed++;
        out[conns === 'All Connections' ? 'allow' : 'some']!++;
      }
    }
    out['deny']! += n * (n - 1) - listed;
  }
  return out;
}

interface MatrixDoc {
  readonly workloads: string[];
  readonly matrix: Record<string, Record<string, string>>;
}

/** One side of a `reach --format json` result. */
export interface ReachSide {
  readonly action: string;
  readonly decided: string;
  readonly endpoint: string;
  readonly tier?: string;
  readonly policy?: { readonly kind: string; readonly namespace?: string; readonly name: string };
  readonly profile?: string;
  readonly ruleIndex?: number;
  readonly rule?: { readonly file: string; readonly line: number };
  readonly trail: readonly { readonly tier: string; readonly result: string; readonly policy?: { readonly kind: string; readonly namespace?: string; readonly name: string; readonly file: string; readonly line: number } }[];
}

/** The trail of a side as the page's details list it ("policies consulted"). */
export function expectedTrail(s: ReachSide): string[] {
  return s.trail.map((t) => (t.policy ? `${t.tier}/${t.policy.kind} ${t.policy.namespace ? `${t.policy.namespace}/` : ''}${t.policy.name} (${t.policy.file}:${t.policy.line}): ${t.result}` : `${t.tier}: ${t.result}`));
}

/** The fields the page's details panel shows for a side. */
export function expectedSide(s: ReachSide): Record<string, string> {
  const out: Record<string, string> = { action: s.action, decided: s.decided, endpoint: s.endpoint };
  if (s.tier !== undefined) out['tier'] = s.tier;
  if (s.policy) out['policy'] = `${s.policy.kind} ${s.policy.namespace ? `${s.policy.namespace}/` : ''}${s.policy.name}`;
  else if (s.profile) out['policy'] = `profile ${s.profile}`;
  if (s.ruleIndex !== undefined) out['rule'] = String(s.ruleIndex);
  if (s.rule) out['location'] = `${s.rule.file}:${s.rule.line}`;
  return out;
}
