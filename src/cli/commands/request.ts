// cli: `calisim request FILES... --url URL [--method M] [--header 'Name: value']... [--from ADDRESS] [--at T]`
// and `--requests REQ.json` — follows HTTP requests from the client to a tenant pod, hop by hop, with the
// status, the matching rule and the backend (JSON: one object, or an array in input order for a batch).
import { readFileSync } from 'node:fs';
import { InputError, diagnosticAt } from '../../lib/diagnostics.js';
import { DEFAULT_CLIENT, parseHeaders, readRequests } from '../../verdict/request/read-requests.js';
import { jsonPositions } from '../load/json-position.js';
import { requestWalker, type RequestWalker } from '../../verdict/request/request-walker.js';
import { trackSessionAffinity } from '../../verdict/trace/session-affinity-state.js';
import { advancePlatform } from '../../engine/platform/run-platform.js';
import { parseDuration } from '../../scenario/schema/duration.js';
import type { HttpRequest, RequestResult } from '../../verdict/request/types.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { reportWarnings } from '../load/load-input.js';
import { loadRun, type LoadedRun } from '../load/load-run.js';
import { SETTLED } from './routes.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';

export const requestCommand: Command = {
  command: 'request [files..]',
  describe: 'Follow an HTTP request from a client through the load balancer, kube-proxy and ingress-nginx to a pod',
  builder: (y) =>
    withInputOptions(y)
      .positional('files', { type: 'string', array: true, describe: 'scenario, manifest files or folders' })
      .option('url', { type: 'string', describe: 'the URL requested (http or https)' })
      .option('requests', { type: 'string', describe: 'JSON array of {url, method?, headers?, from?, at?}' })
      .option('method', { type: 'string', default: 'GET' })
      .option('header', { type: 'string', array: true, describe: "a request header, 'Name: value' (repeatable)" })
      .option('from', { type: 'string', default: DEFAULT_CLIENT, describe: 'the client IPv4 address' })
      .option('at', { type: 'string', describe: `simulated time (default ${SETTLED})` })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const url = optString(args, 'url');
    const file = optString(args, 'requests');
    if ((url === undefined) === (file === undefined)) throw new UsageError('give --url URL or --requests FILE (one of them)');
    let requests: HttpRequest[];
    if (file !== undefined) {
      refuseGiven(args, ['method', 'header', 'from'], 'each request of --requests FILE carries its own method, headers and from');
      let json: unknown;
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
        json = JSON.parse(text);
      } catch (e) {
        throw new InputError([diagnosticAt(undefined, '', `cannot read requests: ${e instanceof Error ? e.message : String(e)}`, 'error', file)]);
      }
      const r = readRequests(json, file);
      if (r.diagnostics.length) {
        const at = jsonPositions(text, file);
        throw new InputError(r.diagnostics.map((d) => ({ ...d, ...at(d.path) })));
      }
      requests = r.requests;
    } else {
      const headers = parseHeaders(optStrings(args, 'header'));
      if (typeof headers === 'string') throw new UsageError(headers);
      requests = [{ url: url!, method: optString(args, 'method') ?? 'GET', headers, from: optString(args, 'from') ?? DEFAULT_CLIENT }];
    }
    // Requests with their own `at` are followed in time order on one run (kube-proxy's session affinity
    // carries over between them); the answers stay in input order.
    const atText = optString(args, 'at') ?? SETTLED;
    const baseMs = parseDuration(atText);
    const times = requests.map((r) => r.at ?? baseMs ?? 0);
    const first = Math.min(...times);
    const loaded = loadRun(inputFiles(args, 'files'), baseMs !== undefined && first < baseMs ? String(first / 1000) : atText, inputOptions(args));
    const { run } = loaded;
    trackSessionAffinity(run);
    const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
    const results: RequestResult[] = [];
    let walker: RequestWalker | undefined;
    let now = -1;
    for (const i of order) {
      if (times[i] !== now) {
        now = times[i]!;
        if (now > run.sim.now) advancePlatform(run, now);
        walker = walkerNow(loaded, walker === undefined);
      }
      const out = walker!.follow(requests[i]!);
      if (typeof out === 'string') throw file !== undefined ? new InputError([diagnosticAt(undefined, `[${i}]`, out, 'error', file)]) : new UsageError(out);
      results[i] = out;
    }
    if (optString(args, 'format') === 'json') process.stdout.write(JSON.stringify(file !== undefined ? results : results[0], null, 2) + '\n');
    else process.stdout.write(results.map((r, i) => renderRequest(requests[i]!, r)).join('\n'));
    return 0;
  },
};

/** The request walker at the run's current time; the first one reports the input's warnings and notes. */
function walkerNow(loaded: LoadedRun, report: boolean): RequestWalker {
  const { run } = loaded;
  const built = policyModelsOf(run);
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new InputError(errors);
  const walker = requestWalker(run, built.clusters);
  if (!report) return walker;
  reportWarnings(loaded, built.diagnostics);
  for (const n of walker.table.notServed) process.stderr.write(`note: Ingress ${n.ingress.namespace}/${n.ingress.name} (${run.model.clusters[n.cluster]!.name}) is not served: ${n.reason}\n`);
  const told = new Set<string>();
  for (const r of walker.table.routes) {
    const name = `${run.model.clusters[r.cluster]!.name}/${r.ingress.namespace}/${r.ingress.name}`;
    if (told.has(name) || r.behaviour.ignored.length === 0) continue;
    told.add(name);
    process.stderr.write(`note: Ingress ${name}: annotations not modelled, ignored: ${r.behaviour.ignored.join(', ')}\n`);
  }
  return walker;
}

/** One request's answer in words, every hop numbered. */
export function renderRequest(req: HttpRequest, r: RequestResult): string {
  const out = [`${req.method} ${r.url} from ${req.from} → ${r.status ?? 'no answer'} (${r.disposition})`];
  if (r.route) out.push(`  route: ${r.route.kind} ${r.route.namespace}/${r.route.name} host ${r.route.host ?? '*'} path ${r.route.path} (${r.route.pathType})`);
  if (r.backend) out.push(`  backend: ${r.backend.cluster} ${r.backend.namespace}/${r.backend.service}:${r.backend.port} ${r.backend.externalName !== undefined ? `ExternalName ${r.backend.externalName}` : `pod ${r.backend.pod ?? '(none)'}`}`);
  r.hops.forEach((h, i) => {
    const extra = [h.outerSrc && h.outerDst ? `outer ${h.outerSrc} → ${h.outerDst}` : '', h.file ? `${h.file}:${h.line}` : ''].filter((x) => x).join(', ');
    out.push(`  ${String(i + 1).padStart(2)}. [${h.step}] ${h.at}: ${h.detail}${extra ? ` (${extra})` : ''}`);
  });
  return out.join('\n') + '\n';
}
