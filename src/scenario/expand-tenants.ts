// scenario: tenants as written into tenants to validate — templates deep-merged under them (the tenant's
// lists replace the template's), tenantSets generated with `{i}`, then `{tenant}` resolved per tenant.
import { DiagnosticSink } from '../lib/diagnostics.js';
import { didYouMean } from './schema/did-you-mean.js';
import type { Gathered, TemplateRef } from './read/gather-fragments.js';
import { substitute, substituteText } from './read/placeholders.js';
import { describe, entryOf, joinPath, stringOf, type PEntry, type PMap, type PValue } from './read/positioned.js';
import { errorAt, type Ctx } from './provenance.js';
import { int } from './schema/schema.js';
import { spendObjects, validate } from './schema/validate.js';

/** A tenant ready for validation, with the field path it is reported under. */
export interface TenantSource {
  readonly node: PMap;
  readonly path: string;
}

/** Expands every tenant and tenant set, in order (tenants of each file, then its sets). */
export function expandTenants(g: Gathered, ctx: Ctx): TenantSource[] {
  const used = new Set<string>();
  const out: TenantSource[] = [];
  for (const ref of g.tenants) {
    if (ref.node.kind !== 'seq') continue;
    ref.node.items.forEach((item, i) => {
      const path = `${ref.path}[${i}]`;
      if (item.kind !== 'map') return errorAt(ctx, { path, src: item.src }, `expected a tenant (a map), got ${describe(item)}`);
      const merged = applyTemplate(item, path, g, used, ctx);
      out.push({ node: resolveTenant(merged), path });
    });
  }
  for (const ref of g.tenantSets) {
    if (ref.node.kind !== 'seq') continue;
    ref.node.items.forEach((set, s) => out.push(...expandSet(set, `${ref.path}[${s}]`, g, used, ctx)));
  }
  for (const [name, t] of g.templates) {
    if (!used.has(name)) ctx.sink.warn(t.keySrc, t.path, `template ${name} is never used`);
  }
  return out;
}

/** `{template, count, name: "t{i:02}", ...}` → count tenants; nested node generators keep their own `{i}`. */
function expandSet(set: PValue, path: string, g: Gathered, used: Set<string>, ctx: Ctx): TenantSource[] {
  if (set.kind !== 'map') {
    errorAt(ctx, { path, src: set.src }, `expected a tenant set (a map), got ${describe(set)}`);
    return [];
  }
  const countEntry = entryOf(set, 'count');
  if (countEntry === undefined) {
    errorAt(ctx, { path: joinPath(path, 'count'), src: set.src }, 'missing required field `count`');
    return [];
  }
  const count = validate(int(0, 10_000), countEntry.value, joinPath(path, 'count'), ctx);
  if (typeof count !== 'number') return [];
  const base: PMap = { kind: 'map', entries: set.entries.filter((e) => e.key !== 'count'), src: set.src };
  // The product (tenants × each one's nodes) is checked before any tenant is expanded; the node generators
  // then take their share of the budget as they expand.
  const perTenant = 1 + generatedNodes(applyTemplate(base, path, g, new Set(), silent(ctx), 1));
  if (ctx.objects !== undefined && count * perTenant > ctx.objects.left) {
    spendObjects(count * perTenant, { path: joinPath(path, 'count'), src: countEntry.value.src }, ctx);
    return [];
  }
  const out: TenantSource[] = [];
  for (let i = 1; i <= count; i++) {
    const merged = applyTemplate(base, path, g, used, ctx, i);
    out.push({ node: resolveTenant(substitute(merged, { i }, true) as PMap), path });
  }
  return out;
}

/** Nodes a tenant's `nodes: {count: N}` generator will produce (0 for a list or anything else). */
function generatedNodes(tenant: PMap): number {
  const nodes = entryOf(tenant, 'nodes')?.value;
  const count = nodes?.kind === 'map' ? entryOf(nodes, 'count')?.value : undefined;
  if (count?.kind !== 'scalar') return 0;
  const n = typeof count.value === 'number' ? count.value : Number(count.value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** A context that reports nowhere (for a look ahead whose problems are reported when the real work runs). */
function silent(ctx: Ctx): Ctx {
  return { ...ctx, sink: new DiagnosticSink() };
}

/** Deep-merges the named template under the tenant (reported once per tenant set, not per member). */
function applyTemplate(tenant: PMap, path: string, g: Gathered, used: Set<string>, ctx: Ctx, i?: number): PMap {
  const entry = entryOf(tenant, 'template');
  if (entry === undefined) return tenant;
  const raw = stringOf(tenant, 'template');
  const name = raw === undefined ? undefined : i === undefined ? raw : substituteText(raw, { i });
  const t: TemplateRef | undefined = name === undefined ? undefined : g.templates.get(name);
  if (t === undefined) {
    if (i === undefined || i === 1) {
      const what = name === undefined ? `expected a template name, got ${describe(entry.value)}` : `unknown template \`${name}\`${didYouMean(name, g.templates.keys())}`;
      errorAt(ctx, { path: joinPath(path, 'template'), src: entry.value.src }, what);
    }
    return tenant;
  }
  used.add(name as string);
  if (entryOf(t.node as PMap, 'template') !== undefined && (i === undefined || i === 1)) {
    const e = entryOf(t.node as PMap, 'template') as PEntry;
    errorAt(ctx, { path: joinPath(t.path, 'template'), src: e.keySrc }, 'a template cannot itself use a template');
  }
  return mergeMaps(t.node as PMap, tenant);
}

/** Deep merge: maps merge key by key, anything else (lists included) is replaced by `over`. */
export function mergeMaps(base: PMap, over: PMap): PMap {
  const entries: PEntry[] = [];
  for (const b of base.entries) {
    const o = entryOf(over, b.key);
    if (o === undefined) entries.push(b);
    else if (b.value.kind === 'map' && o.value.kind === 'map') entries.push({ ...o, value: mergeMaps(b.value, o.value) });
    else entries.push(o);
  }
  for (const o of over.entries) if (entryOf(base, o.key) === undefined) entries.push(o);
  return { kind: 'map', entries, src: over.src };
}

/** Resolves `{tenant}` with the tenant's (already generated) name. */
function resolveTenant(node: PMap): PMap {
  const name = stringOf(node, 'name');
  return name === undefined ? node : (substitute(node, { tenant: name }) as PMap);
}
