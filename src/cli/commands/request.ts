// cli: `calisim request FILES... --url URL [--method M] [--header 'Name: value']... [--from ADDRESS] [--at T]`
// and `--requests REQ.json` — follows HTTP requests from the client to a tenant pod, hop by hop, with the
// status, the matching rule and the backend (JSON: one object, or an array in input order for a batch).
import { readFileSync } from 'node:fs';
import { InputError, diagnosticAt } from '../../lib/diagnostics.js';
import { DEFAULT_CLIENT, parseHeaders, readRequests } from '../../verdict/request/read-requests.js';
import { requestWalker } from '../../verdict/request/request-walker.js';
import type { HttpRequest, RequestResult } from '../../verdict/request/types.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { reportWarnings } from '../load-input.js';
import { loadRun } from '../load-run.js';
import { SETTLED } from './routes.js';
import { UsageError } from '../usage-error.js';

export const requestCommand: Command = {
  command: 'request [files..]',
  describe: 'Follow an HTTP request from a client through the load balancer, kube-proxy and ingress-nginx to a pod',
  builder: (y) =>
    withInputOptions(y)
      .positional('files', { type: 'string', array: true, describe: 'scenario, manifest files or folders' })
      .option('url', { type: 'string', describe: 'the URL requested (http or https)' })
      .option('requests', { type: 'string', describe: 'JSON array of {url, method?, headers?, from?}' })
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
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new InputError([diagnosticAt(undefined, '', `cannot read requests: ${e instanceof Error ? e.message : String(e)}`, 'error', file)]);
      }
      const r = readRequests(json, file);
      if (r.diagnostics.length) throw new InputError(r.diagnostics);
      requests = r.requests;
    } else {
      const headers = parseHeaders(optStrings(args, 'header'));
      if (typeof headers === 'string') throw new UsageError(headers);
      requests = [{ url: url!, method: optString(args, 'method') ?? 'GET', headers, from: optString(args, 'from') ?? DEFAULT_CLIENT }];
    }
    const loaded = loadRun(inputFiles(args, 'files'), optString(args, 'at') ?? SETTLED, inputOptions(args));
    const { run } = loaded;
    const built = policyModelsOf(run);
    const errors = built.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new InputError(errors);
    reportWarnings(loaded, built.diagnostics);
    const walker = requestWalker(run, built.clusters);
    for (const n of walker.table.notServed) process.stderr.write(`note: Ingress ${n.ingress.namespace}/${n.ingress.name} (${run.model.clusters[n.cluster]!.name}) is not served: ${n.reason}\n`);
    const told = new Set<string>();
    for (const r of walker.table.routes) {
      const name = `${run.model.clusters[r.cluster]!.name}/${r.ingress.namespace}/${r.ingress.name}`;
      if (told.has(name) || r.behaviour.ignored.length === 0) continue;
      told.add(name);
      process.stderr.write(`note: Ingress ${name}: annotations not modelled, ignored: ${r.behaviour.ignored.join(', ')}\n`);
    }
    const results = requests.map((r, i) => {
      const out = walker.follow(r);
      if (typeof out === 'string') throw file !== undefined ? new InputError([diagnosticAt(undefined, `[${i}]`, out, 'error', file)]) : new UsageError(out);
      return out;
    });
    if (optString(args, 'format') === 'json') process.stdout.write(JSON.stringify(file !== undefined ? results : results[0], null, 2) + '\n');
    else process.stdout.write(results.map((r, i) => renderRequest(requests[i]!, r)).join('\n'));
    return 0;
  },
};

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
