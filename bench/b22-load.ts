// bench: B22 — loading alone (YAML into positioned trees, schema validation, provenance, normalisation, checks):
// `loadScenarios` on B1's folder (one 4.7 MB file: 10k pods, 2k policies) and on scenarios/large.yaml, in
// process, median of 5 after a warm-up; B1's load is given as a multiple of js-yaml's bare event parse of the
// same text, so the cost above parsing stays visible. Reading alone (B1's text into positioned trees, as a scenario
// file is read) is timed beside the js-yaml event path it replaced (floor 0.25 s, issue 14), and B1's text as JSON
// (how manifest files are read, their trees only on demand) beside it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvents } from 'js-yaml';
import { DiagnosticSink } from '../src/lib/diagnostics.js';
import { loadScenarios } from '../src/scenario/load-scenario.js';
import { readBlockJson } from '../src/scenario/read/direct/block-json-reader.js';
import { DEFAULT_LIMITS, parseYamlText } from '../src/scenario/read/read-yaml.js';
import { readEventTrees } from '../src/scenario/read/events/yaml-event-trees.js';
import { medianMs, type Benchmark, type BenchResult } from './harness.js';
import { projectRoot } from './project-root.js';
import { writeB1Scenario } from './scenario-b1.js';

export const benchmarks: Benchmark[] = [
  {
    id: 'B22',
    title: 'loading: B1 folder and scenarios/large.yaml into a validated Scenario, in process',
    run(): BenchResult[] {
      const dir = join(mkdtempSync(join(tmpdir(), 'calisim-b22-')), 'b1');
      writeB1Scenario(dir);
      const text = readFileSync(join(dir, 'b1.yaml'), 'utf8');
      const parse = medianMs(() => parseEvents(text, { maxDepth: 400 }));
      const read = medianMs(() => parseYamlText(text, 'b1.yaml', new DiagnosticSink(), DEFAULT_LIMITS));
      const events = medianMs(() => readEventTrees(text, 'b1.yaml'));
      const json = medianMs(() => readBlockJson(text, 'b1.yaml'));
      const b1 = medianMs(() => loadScenarios([dir]));
      const large = medianMs(() => loadScenarios([join(projectRoot, 'scenarios', 'large.yaml')]));
      rmSync(join(dir, '..'), { recursive: true, force: true });
      return [
        { id: 'B22', metric: 'read_b1', value: read / 1000, unit: 's', floor: 0.25, ratio: read / events, ratioTo: 'the js-yaml event path (parseEvents + trees) on the same text', note: `event path ${(events / 1000).toFixed(3)} s` },
        { id: 'B22', metric: 'read_b1_json', value: json / 1000, unit: 's', ratio: json / read, ratioTo: 'reading the same text into positioned trees (read_b1)' },
        { id: 'B22', metric: 'load_b1', value: b1 / 1000, unit: 's', ratio: b1 / parse, ratioTo: 'js-yaml parseEvents of the same text', note: `parse alone ${(parse / 1000).toFixed(3)} s` },
        { id: 'B22', metric: 'load_large', value: large / 1000, unit: 's' },
      ];
    },
  },
];
