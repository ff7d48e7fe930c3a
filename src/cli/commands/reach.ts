// cli: `calisim reach FILE...` — who can reach whom and which rule decides: a probe file (JSON in, JSON
// out, in order), one query explained in words, the whole matrix, or netpol-analyzer's connlist.
import { limits } from '../../lib/limits.js';
import { readRegularFile, ReadError } from '../../lib/read-regular-file.js';
import { JsonError, parseJsonSafe } from '../../lib/safe-json.js';
import { formatConnlist, connlist } from '../../emit/connlist/connlist.js';
import { connMatrix, formatMatrix, type ConnMatrix } from '../../emit/connlist/matrix.js';
import { focusMatches, focusMatrix, portMatrix } from '../../emit/connlist/matrix-views.js';
import { InputError, diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import { explainInWords } from '../../verdict/policy/explain-in-words.js';
import { fastClassOf, fastEvaluate, matrixVerdicts } from '../../verdict/state/fast-evaluate.js';
import { evaluateReference } from '../../model/policy/eval/evaluate-reference.js';
import { platformProbes, type ClusterPolicies } from '../../verdict/reach/platform-probes.js';
import { serviceAddressEntry } from '../../verdict/reach/service-address-entry.js';
import { withDataplane } from '../../verdict/pki/dataplane-probes.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import { paintVerdicts } from '../colour.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { jsonPositions } from '../load/json-position.js';
import { reportWarnings, type LoadedInput } from '../load/load-input.js';
import { loadRun } from '../load/load-run.js';
import { printDoc, withOutputOption } from '../output/print-doc.js';
import { resolveNames } from '../load/resolve-names.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, SCTP: 132 };
const END = 'namespace/pod, tenant/namespace/pod, a workload (ns/deployment/name, deploy/ns/name), svc/ns/name, or an IPv4 address outside the cluster';

export const reachCommand: Command = {
  command: 'reach [files..]',
  describe: 'Can A reach B on a port, and which rule decides? Probes, one query, the matrix or a connlist',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('files', { type: 'string', array: true, describe: 'scenario, manifest files or folders' })
      .option('probes', { type: 'string', describe: 'JSON array of {from, to, protocol, port?, srcPort?, icmpType?, icmpCode?}' })
      .option('from', { type: 'string', describe: END })
      .option('to', { type: 'string', describe: END })
      .option('protocol', { type: 'string', default: 'TCP', describe: 'TCP, UDP, SCTP, ICMP or a number' })
      .option('port', { type: 'number', describe: 'destination port (TCP, UDP, SCTP); with --matrix, the matrix of that port' })
      .option('matrix', { type: 'boolean', default: false, describe: 'print the whole matrix, grouped by namespace and workload' })
      .option('focus-workload', { type: 'string', array: true, describe: 'with --matrix or --format connlist: only connections of these workloads (name or ns/name)' })
      .option('at', { type: 'string', describe: 'simulated time of the state to query (default 0)' })
      .option('format', { choices: ['text', 'json', 'csv', 'connlist'] as const, default: 'text' })
      .option('fail-on-unknown', { type: 'boolean', default: false, describe: 'exit 3 when a verdict is unknown' }),
  async run(args) {
    const output = optString(args, 'output');
    const format = output ?? optString(args, 'format') ?? 'text';
    const failOnUnknown = args['fail-on-unknown'] === true;
    const focus = optStrings(args, 'focus-workload');
    const isWhole = format === 'connlist' || args['matrix'] === true;
    // Options the chosen mode would not read are refused before the load.
    if (isWhole) refuseWholeDropped(args, format);
    else refuseProbeDropped(args, format, focus);
    const loaded = loadRun(inputFiles(args, 'files'), optString(args, 'at'), inputOptions(args), { policyOnly: true });
    const built = policyModelsOf(loaded.run);
    const errors = built.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new InputError(errors);
    reportWarnings(loaded, built.diagnostics);
    if (isWhole) return whole(built.clusters, args, format, focus, loaded) && failOnUnknown ? 3 : 0;
    const { probes, file, text } = readProbes(args, built.clusters);
    // --from/--to asks of a few pods (one per backend workload of a Service): judged by the reference evaluator, whose
    // answers the compiled policies give too (fast-evaluate.ts), without compiling the clusters they cross first.
    const evaluate = optString(args, 'probes') === undefined ? evaluateReference : fastEvaluate;
    const probed = platformProbes(built.clusters, probes, file, loaded.run.model, evaluate, serviceAddressEntry(loaded.run, built.clusters, evaluate));
    if (probed.diagnostics.length) throw new InputError(placed(probed.diagnostics, text, file));
    const results = withDataplane(loaded.run, probed.results);
    if (format === 'json' || format === 'yaml') printDoc(results, format);
    else for (const r of results) process.stdout.write(paintVerdicts(explainInWords(r)) + (r.dataplane ? `\n  but no traffic flows: ${r.dataplane}` : '') + '\n');
    return failOnUnknown && results.some((r) => r.verdict === 'unknown') ? 3 : 0;
  },
};

/** Refuses what the matrix or connlist would drop: single queries' options, and a protocol or port it does not read. */
function refuseWholeDropped(args: Record<string, unknown>, format: string): void {
  refuseGiven(args, ['probes', 'from', 'to'], 'the matrix and the connlist answer for every pair of workloads');
  if (format === 'connlist') {
    refuseGiven(args, ['matrix'], '--format connlist prints the connlist, not the matrix');
    refuseGiven(args, ['port', 'protocol'], 'the connlist lists every protocol and port');
  } else if (args['port'] === undefined) refuseGiven(args, ['protocol'], 'a matrix without --port is of every protocol and port (--protocol goes with --port)');
}

/** Refuses what a probe file or one query would drop: the matrix's options, and the query's beside a probe file. */
function refuseProbeDropped(args: Record<string, unknown>, format: string, focus: readonly string[]): void {
  if (focus.length) throw new UsageError('--focus-workload goes with --matrix or --format connlist');
  if (format === 'csv') throw new UsageError('--format csv is for --matrix (probes print text, json or yaml)');
  if (optString(args, 'probes') !== undefined) refuseGiven(args, ['from', 'to', 'port', 'protocol'], 'each probe of --probes FILE carries its own ends, protocol and port');
}

/** Prints the matrix or connlist of every cluster (one document for JSON/YAML); true when a verdict was unknown. */
function whole(clusters: readonly ClusterPolicies[], args: Record<string, unknown>, format: string, focus: readonly string[], input: LoadedInput): boolean {
  const multi = clusters.length > 1;
  const port = portOf(args);
  const protocol = (optString(args, 'protocol') ?? 'TCP').toUpperCase();
  if (port !== undefined && PROTOCOLS[protocol] === undefined) throw new UsageError(`--protocol ${protocol}: a matrix of one port is for TCP, UDP or SCTP`);
  let unknown = false;
  const docs: { cluster: string; workloads: readonly string[]; matrix: unknown }[] = [];
  for (const c of clusters) {
    if (multi && (format === 'text' || format === 'csv' || format === 'connlist')) process.stdout.write(`# cluster ${c.name}\n`);
    if (format === 'connlist') {
      const cl = connlist(c.model, matrixVerdicts(), fastClassOf(c.model));
      const keep = (l: { src: string; dst: string }): boolean => focus.length === 0 || focusMatches(l.src, focus) || focusMatches(l.dst, focus);
      unknown ||= cl.unknown.some(keep);
      process.stdout.write(formatConnlist({ lines: cl.lines.filter(keep), unknown: cl.unknown.filter(keep) }));
      continue;
    }
    let m: ConnMatrix = port === undefined ? connMatrix(c.model, matrixVerdicts(), fastClassOf(c.model)) : portMatrix(c.model, fastEvaluate, { name: protocol, number: PROTOCOLS[protocol]! }, port);
    if (focus.length) m = focusMatrix(m, focus);
    unknown ||= m.unknown.some((r) => r.some((u) => u !== ''));
    if (format === 'json' || format === 'yaml') {
      const one = JSON.parse(formatMatrix(m, 'json')) as { workloads: string[]; matrix: unknown };
      docs.push({ cluster: c.name, ...one });
    } else process.stdout.write(formatMatrix(m, format === 'csv' ? 'csv' : 'text'));
  }
  if (format === 'json' || format === 'yaml') {
    const doc = multi ? { clusters: docs } : { workloads: docs[0]?.workloads ?? [], matrix: docs[0]?.matrix ?? {} };
    printDoc({ ...(port !== undefined ? { protocol, port } : {}), ...doc }, format, input);
  }
  return unknown;
}

function portOf(args: Record<string, unknown>): number | undefined {
  const port = args['port'];
  if (port === undefined) return undefined;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port ${String(port)}: must be 1..65535`);
  return port;
}

/** The problems of a probe file, each at its field's line and column (its key: json-position.ts); as they are without a file. */
function placed(diagnostics: readonly Diagnostic[], text: string | undefined, file: string): readonly Diagnostic[] {
  if (text === undefined) return diagnostics;
  const at = jsonPositions(text, file);
  return diagnostics.map((d) => ({ ...d, ...at(d.path) }));
}

/** The probes of --probes FILE (with its text), or of --from/--to (workload and Service names expanded to their pods). */
function readProbes(args: Record<string, unknown>, clusters: readonly ClusterPolicies[]): { probes: unknown; file: string; text?: string } {
  const probesFile = optString(args, 'probes');
  if (probesFile !== undefined) {
    try {
      const text = readRegularFile(probesFile, limits().maxInputBytes);
      return { probes: parseJsonSafe(text), file: probesFile, text };
    } catch (e) {
      if (!(e instanceof ReadError || e instanceof JsonError)) throw e;
      throw new InputError([diagnosticAt(undefined, '', `cannot read probes: ${e.message}`, 'error', probesFile)]);
    }
  }
  const from = optString(args, 'from');
  const to = optString(args, 'to');
  if (from === undefined || to === undefined) throw new UsageError('give --probes FILE, or --from and --to (or --matrix / --format connlist)');
  const port = portOf(args);
  const protocol = optString(args, 'protocol') ?? 'TCP';
  const probes = resolveNames(clusters, from, '--from').flatMap((f) =>
    resolveNames(clusters, to, '--to').map((t) => ({ from: f, to: t, protocol, ...(port !== undefined ? { port } : {}) })),
  );
  return { probes, file: '<command line>' };
}
