// viz: the legend — what each colour and shape means in the topology, the matrix and the timeline.
import { el } from './dom.js';

const ITEMS: readonly [string, string][] = [
  ['sw st-est', 'session Established'],
  ['sw st-conn', 'session connecting (Connect/Active/Open*)'],
  ['sw st-idle', 'session Idle'],
  ['sw st-down', 'session Down (speaker down)'],
  ['sw node-down', 'node down'],
  ['sw ingress', 'ingress controller (lines: nodes running its pods)'],
  ['sw v-allow', 'cell: allow'],
  ['sw v-some', 'cell: some ports'],
  ['sw v-mixed', 'group: cells of more than one verdict'],
  ['sw v-deny', 'cell: deny'],
  ['sw v-unknown', 'cell: unknown'],
  ['sw w-convergence', 'BGP converging'],
  ['sw w-blackhole', 'blackhole'],
  ['sw w-lb-outage', 'load-balancer outage'],
  ['sw w-certificate', 'certificate invalid'],
];

export function createLegend(root: HTMLElement): void {
  const ul = el('ul', 'legend');
  for (const [cls, text] of ITEMS) {
    const li = el('li');
    li.append(el('span', cls), document.createTextNode(text));
    ul.append(li);
  }
  root.append(el('h3', '', 'legend'), ul, el('p', 'keys', 'keys: 1-4 views, ← → time (shift: 10 s → 60 s), / search, Esc clear'));
}
