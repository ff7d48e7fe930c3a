// scenario: what a manifest set records for its platform that no real manifest can express — a MetalLB
// balancer's VIP ports (a LoadBalancer Service's, not MetalLB's) and an F5 balancer's HA pair (device
// configuration, not AS3) — as comment lines of the management cluster's kustomization.yaml, written and read here.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseDuration } from './duration.js';
import { isFile } from './loader.js';
import type { LoadBalancerSpec } from './types.js';

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

export function readPlatformRecords(dir: string): PlatformRecords {
  const file = join(dir, 'kustomization.yaml');
  const vips = new Map<string, Vip[]>();
  const ha = new Map<string, Ha>();
  if (!isFile(file)) return { vips, ha };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const v = new RegExp(`^${VIPS} (\\S+): (.*)$`).exec(line);
    if (v !== null) vips.set(v[1]!, v[2]!.split(' ').flatMap(parseVip));
    const h = new RegExp(`^${HA} (\\S+): (\\S+) (\\S+)$`).exec(line);
    const failover = h === null ? undefined : parseDuration(h[3]!);
    if (h !== null && failover !== undefined) ha.set(h[1]!, { peer: h[2]!, failover });
  }
  return { vips, ha };
}

function parseVip(text: string): Vip[] {
  const m = /^([\d.]+):(\d+)\/(TCP|UDP)$/.exec(text);
  return m === null ? [] : [{ address: m[1]!, port: Number(m[2]), protocol: m[3] as Vip['protocol'] }];
}
