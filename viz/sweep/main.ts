// viz: the sweep report page — reads the JSON embedded in the HTML and draws the binding-limit phase
// diagram, headroom bars for a chosen point, sessions and routes per node and convergence against nodes
// (mesh and reflectors), and IPAM use over the timeline. Imports nothing from src/.
import { failureConvergence, readData } from './data.js';
import { headroomBars } from './headroom-bars.js';
import { ipamTimeline } from './ipam-timeline.js';
import { modeLines } from './mode-lines.js';
import { phaseDiagram } from './phase-diagram.js';

const data = readData(document);
const app = document.getElementById('app')!;
const points = data.results.points;
phaseDiagram(app, points);
modeLines(app, 'sessions', 'BGP sessions per node (line: the median node; band up to the busiest)', 'sessions', points, {
  y: (p) => p.bgp.sessionsPerNodeMedian,
  band: (p) => [p.bgp.sessionsPerNodeMedian, p.bgp.sessionsPerNode],
});
modeLines(app, 'routes', 'Routes per node', 'routes (busiest RIB)', points, { y: (p) => p.bgp.routesPerNode });
modeLines(app, 'convergence', 'Convergence after the slowest failure (p50 line, p50..max band across seeds)', 'seconds', points, {
  y: (p) => {
    const c = failureConvergence(p).p50;
    return c === null ? null : c / 1000;
  },
  band: (p) => {
    const c = failureConvergence(p);
    return c.p50 === null || c.max === null ? null : [c.p50 / 1000, c.max / 1000];
  },
});
const highlight = ipamTimeline(app, points);
headroomBars(app, points, highlight);
