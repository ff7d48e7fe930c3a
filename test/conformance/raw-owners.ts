// test helper: the controller owner of every Pod in a netpol-analyzer example folder, read straight from
// the files (netpol-analyzer keeps any owner kind, even none, which the scenario loader normalises away).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

function visit(doc: unknown, out: Map<string, { kind: string; name: string }>): void {
  if (!isObj(doc)) return;
  if (Array.isArray(doc['items'])) for (const item of doc['items']) visit(item, out);
  const meta = doc['metadata'];
  if (!isObj(meta) || (doc['kind'] !== undefined && doc['kind'] !== 'Pod')) return;
  if (doc['kind'] === undefined && !isObj(doc['spec'])) return;
  const refs = Array.isArray(meta['ownerReferences']) ? meta['ownerReferences'] : [];
  const ctrl = refs.find((r): r is Obj => isObj(r) && r['controller'] === true);
  if (!ctrl || ctrl['kind'] === 'Node') return;
  out.set(`${String(meta['namespace'] ?? 'default')}/${String(meta['name'])}`, { kind: String(ctrl['kind'] ?? ''), name: String(ctrl['name'] ?? '') });
}

/** `namespace/pod` → controller owner, for every Pod (also inside List items) of the folder. */
export function rawOwners(folder: string): Map<string, { kind: string; name: string }> {
  const out = new Map<string, { kind: string; name: string }>();
  for (const f of files(folder)) {
    try {
      for (const d of parseAllDocuments(readFileSync(f, 'utf8'))) visit(d.toJS(), out);
    } catch {
      // Unreadable files are the loader's to report.
    }
  }
  return out;
}
