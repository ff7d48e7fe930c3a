// cli: `calisim reach FILE...` — who can reach whom and which rule decides: a probe file (JSON in, JSON
// out, in order), one query explained in words, the whole matrix, or netpol-analyzer's connlist.
import { readFileSync } from 'node:fs';
import { formatConnlist, connlist } from '../../emit/connlist/connlist.js';
import { connMatrix, formatMatrix } from '../../emit/connlist/matrix.js';
import { InputError, diagnosticAt, formatDiagnostic } from '../../lib/diagnostics.js';
import { explainInWords } from '../../verdict/policy/explain-in-words.js';
import { fastClassOf, matrixVerdicts } from '../../verdict/state/fast-evaluate.js';
import { platformProbes } from '../../verdict/reach/platform-probes.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { loadRun } from '../load-run.js';
import { UsageError } from '../usage-error.js';

export const reachCommand: Command = {
  command: 'reach <files..>',
  describe: 'Can A reach B on a port, and which rule decides? Probes, one query, the matrix or a connlist',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'scenario, manifest files or folders' })
      .option('probes', { type: 'string', describe: 'JSON array of {from, to, protocol, port?, srcPort?, icmpType?, icmpCode?}' })
      .option('from', { type: 'string', describe: 'namespace/pod, tenant/namespace/pod, or an IPv4 address outside the cluster' })
      .option('to', { type: 'string', describe: 'namespace/pod, tenant/namespace/pod, or an IPv4 address outside the cluster' })
      .option('protocol', { type: 'string', default: 'TCP', describe: 'TCP, UDP, SCTP, ICMP or a number' })
      .option('port', { type: 'number', describe: 'destination port (TCP, UDP, SCTP)' })
      .option('matrix', { type: 'boolean', default: false, describe: 'print the whole matrix, grouped by namespace and workload' })
      .option('at', { type: 'string', describe: 'simulated time of the state to query (default 0)' })
      .option('format', { choices: ['text', 'json', 'csv', 'connlist'] as const, default: 'text' })
      .option('fail-on-unknown', { type: 'boolean', default: false, describe: 'exit 3 when a verdict is unknown' }),
  async run(args) {
    const run = loadRun(optStrings(args, 'files'), optString(args, 'at'), undefined, true);
    const built = policyModelsOf(run);
    const errors = built.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new InputError(errors);
    for (const w of built.diagnostics) process.stderr.write(formatDiagnostic(w) + '\n');
    const format = optString(args, 'format') ?? 'text';
    const failOnUnknown = args['fail-on-unknown'] === true;
    const multi = built.clusters.length > 1;
    if (format === 'connlist' || args['matrix'] === true) {
      let unknown = false;
      for (const c of built.clusters) {
        if (multi && format !== 'json') process.stdout.write(`# cluster ${c.name}\n`);
        if (format === 'connlist') {
          const cl = connlist(c.model, matrixVerdicts(), fastClassOf(c.model));
          unknown ||= cl.unknown.length > 0;
          process.stdout.write(formatConnlist(cl));
        } else {
          const m = connMatrix(c.model, matrixVerdicts(), fastClassOf(c.model));
          process.stdout.write(formatMatrix(m, format === 'csv' ? 'csv' : format === 'json' ? 'json' : 'text'));
        }
      }
      return failOnUnknown && unknown ? 3 : 0;
    }
    const probesFile = optString(args, 'probes');
    let probes: unknown;
    let file = '<command line>';
    if (probesFile !== undefined) {
      file = probesFile;
      try {
        probes = JSON.parse(readFileSync(probesFile, 'utf8'));
      } catch (e) {
        throw new InputError([diagnosticAt(undefined, '', `cannot read probes: ${e instanceof Error ? e.message : String(e)}`, 'error', probesFile)]);
      }
    } else {
      const from = optString(args, 'from');
      const to = optString(args, 'to');
      if (from === undefined || to === undefined) throw new UsageError('give --probes FILE, or --from and --to (or --matrix / --format connlist)');
      const port = args['port'];
      probes = [{ from, to, protocol: optString(args, 'protocol') ?? 'TCP', ...(typeof port === 'number' ? { port } : {}) }];
    }
    const { results, diagnostics } = platformProbes(built.clusters, probes, file);
    if (diagnostics.length) throw new InputError(diagnostics);
    if (format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    else for (const r of results) process.stdout.write(explainInWords(r) + '\n');
    return failOnUnknown && results.some((r) => r.verdict === 'unknown') ? 3 : 0;
  },
};
