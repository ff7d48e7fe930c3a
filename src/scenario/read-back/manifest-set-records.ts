// scenario: what a manifest set records for its platform that no real manifest can express — a MetalLB
// balancer's VIP ports (a LoadBalancer Service's, not MetalLB's) and an F5 balancer's HA pair (device
// configuration, not AS3) — as comment lines of the management cluster's kustomization.yaml, written and read here.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseDuration } from '../schema/duration.js';
import { isFile } from '../read/loader.js';
import type { Ctx } from '../provenance.js';
import type { LoadBalancerSpec } from '../types.js';

type Vip = LoadBalancerSpec['vips'][number];
type Ha = NonNullable<LoadBalancerSpec['ha']>;

const VIPS = '# calisim.io/vips';
const HA = '# calisim.io/ha';

/** The record lines of the balancers `lbs` (none when every part of them is in their manifests). */
export function platformRecordLines(lbs: readonly LoadBalancerSpec[]): string[] {
  return lbs.flatMap((lb) => [
    ...(lb.kind === 'metallb' ? [`${VIPS} ${lb.name}: ${lb.vips.map((v) => `${v.address}:${v.port}/${v.protocol}`).join(' ')}`] : []),
    ...(lb.ha === undefined ? [] : [`${HA} ${lb.name}: ${lb.ha.peer} ${lb.ha.failover}ms`]),
  ]);
}

/** What the kustomization.yaml of cluster folder `dir` records, by balancer name. */
export interface PlatformRecords {
  readonly vips: ReadonlyMap<string, readonly Vip[]>;
  readonly ha: ReadonlyMap<string, Ha>;
}

/** The records of `dir`'s kustomization.yaml; a `# calisim.io/` line that does not parse is warned about, not dropped silently. */
export function readPlatformRecords(dir: string, ctx: Ctx): PlatformRecords {
  const file = join(dir, 'kustomization.yaml');
  const vips = new Map<string, Vip[]>();
  const ha = new Map<string, Ha>();
  if (!isFile(file)) return { vips, ha };
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.startsWith('# calisim.io/')) return;
    const r = readRecord(line);
    if (r?.vips !== undefined) vips.set(r.name, r.vips);
    else if (r?.ha !== undefined) ha.set(r.name, r.ha);
    else ctx.sink.warn({ file, line: i + 1, col: 1 }, '', `not a record this version reads (\`${VIPS} NAME: ADDRESS:PORT/TCP ...\` or \`${HA} NAME: PEER DURATION\`): ignored`);
  });
  return { vips, ha };
}

/** One record line: a balancer's VIPs or its HA pair; undefined when the line does not parse. */
function readRecord(line: string): { name: string; vips?: Vip[]; ha?: Ha } | undefined {
  const v = new RegExp(`^${VIPS} (\\S+): (.+)$`).exec(line);
  if (v !== null) {
    const parsed = v[2]!.split(' ').map(parseVip);
    return parsed.every((p) => p !== undefined) ? { name: v[1]!, vips: parsed as Vip[] } : undefined;
  }
  const h = new RegExp(`^${HA} (\\S+): (\\S+) (\\S+)$`).exec(line);
  const failover = h === null ? undefined : parseDuration(h[3]!);
  return failover === undefined ? undefined : { name: h![1]!, ha: { peer: h![2]!, failover } };
}

function parseVip(text: string): Vip | undefined {
  const m = /^([\d.]+):(\d+)\/(TCP|UDP)$/.exec(text);
  return m === null ? undefined : { address: m[1]!, port: Number(m[2]), protocol: m[3] as Vip['protocol'] };
}
