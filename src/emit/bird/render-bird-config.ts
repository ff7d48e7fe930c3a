// emit: a node's NodeBgpConfig into BIRD 1.6 configuration — the three files calico-node writes to
// /etc/calico/confd/config (bird.cfg, bird_aggr.cfg, bird_ipam.cfg), or one self-contained bird.cfg.
import type { NodeBgpConfig } from '../../model/bgp/types.js';
import { renderBirdAggr } from './render-bird-aggr.js';
import { renderBirdIpam } from './render-bird-ipam.js';
import { renderBirdMain } from './render-bird-main.js';

/** The files confd renders for IPv4, by file name. */
export interface BirdFiles {
  readonly 'bird.cfg': string;
  readonly 'bird_aggr.cfg': string;
  readonly 'bird_ipam.cfg': string;
}

/** The three files exactly as confd lays them out (bird.cfg includes the other two). */
export function renderBirdFiles(cfg: NodeBgpConfig): BirdFiles {
  return {
    'bird.cfg': renderBirdMain(cfg),
    'bird_aggr.cfg': renderBirdAggr(cfg),
    'bird_ipam.cfg': renderBirdIpam(cfg),
  };
}

/** One self-contained bird.cfg: the two `include` lines replaced by the files' contents, in place. */
export function renderBirdConfig(cfg: NodeBgpConfig): string {
  const inlined = [
    '# include "bird_aggr.cfg"; (inlined)',
    renderBirdAggr(cfg).trimEnd(),
    '# include "bird_ipam.cfg"; (inlined)',
    renderBirdIpam(cfg).trimEnd(),
  ].join('\n');
  return renderBirdMain(cfg, inlined);
}
