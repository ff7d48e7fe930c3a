// plan: a scenario field path as a sweep axis writes it — `templates.tenant.nodes.count`,
// `tenantSets[0].count`, `tenants[1].calico.ipPools[0].cidr` — into segments (keys and list indices).

export type PathSegment = { readonly key: string } | { readonly index: number };

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\[\d+\])*)$/;

/** Parses `text` into segments, or returns the problem. */
export function parsePath(text: string): { segments: PathSegment[]; problem?: undefined } | { segments?: undefined; problem: string } {
  if (text === '') return { problem: 'an empty field path' };
  const segments: PathSegment[] = [];
  for (const part of text.split('.')) {
    const m = SEGMENT.exec(part);
    if (m === null) return { problem: `${text} is not a field path (like templates.tenant.nodes.count or tenantSets[0].count)` };
    segments.push({ key: m[1]! });
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) segments.push({ index: Number(i[1]) });
  }
  return { segments };
}
