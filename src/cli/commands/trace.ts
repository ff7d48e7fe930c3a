// cli: `calisim trace SCENARIO --from A --to B --protocol P --port N [--size BYTES] [--at T]` — every hop
// of one packet and its final disposition (delivered, left the platform, or dropped with a reason).
import { InputError } from '../../lib/diagnostics.js';
import { tracePacket } from '../../verdict/trace/trace-packet.js';
import type { Trace } from '../../verdict/trace/types.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import { judgeByReference } from '../../verdict/state/cluster-twins.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { reportWarnings } from '../load/load-input.js';
import { loadRun } from '../load/load-run.js';
import { askWithBgpOnDemand } from '../load/bgp-on-demand.js';
import { docFormat, printDoc, withOutputOption } from '../output/print-doc.js';
import { SETTLED } from './routes.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';
import { parseIpv4 } from '../../lib/ipv4.js';
import { requestWalker } from '../../verdict/request/request-walker.js';
import { renderRequest } from './request.js';

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, SCTP: 132, ICMP: 1 };

export const traceCommand: Command = {
  command: 'trace [scenario..]',
  describe: 'Follow one packet hop by hop: policies, routes, encapsulation, underlay, MTU, and why it is dropped',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML, manifest files or folders' })
      .option('from', { type: 'string', demandOption: true, describe: 'tenant/namespace/pod, a node, or an IPv4 address' })
      .option('to', { type: 'string', demandOption: true, describe: 'tenant/namespace/pod, a node, an IPv4 address, or an http(s) URL (the request walk)' })
      .option('protocol', { type: 'string', default: 'TCP', describe: 'TCP, UDP, SCTP or ICMP' })
      .option('port', { type: 'number', describe: 'destination port' })
      .option('size', { type: 'number', default: 64, describe: 'IP packet size in bytes' })
      .option('at', { type: 'string', describe: `simulated time (default ${SETTLED}, once BGP has converged)` })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const protocolName = (optString(args, 'protocol') ?? 'TCP').toUpperCase();
    const protocol = PROTOCOLS[protocolName];
    if (protocol === undefined) throw new UsageError(`--protocol ${protocolName}: use TCP, UDP, SCTP or ICMP`);
    const port = typeof args['port'] === 'number' ? args['port'] : undefined;
    const to = optString(args, 'to')!;
    if (/^https?:\/\//i.test(to)) {
      refuseGiven(args, ['protocol', 'port', 'size'], '--to URL follows an HTTP request (its port is the URL\'s)');
      return traceUrl(args, to);
    }
    if (protocol !== 1 && port === undefined) throw new UsageError('--port is required for TCP, UDP and SCTP');
    if (protocol === 1) refuseGiven(args, ['port'], 'ICMP has no ports');
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new UsageError(`--port ${port}: must be 1..65535`);
    const size = args['size'] as number;
    if (!Number.isInteger(size) || size < 20 || size > 65535) throw new UsageError(`--size ${size}: must be 20..65535 bytes`);
    const loaded = loadRun(inputFiles(args, 'scenario'), optString(args, 'at') ?? SETTLED, inputOptions(args), { policyOnly: true });
    const built = policyModelsOf(loaded.run);
    const errors = built.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new InputError(errors);
    reportWarnings(loaded, built.diagnostics);
    const req = { from: optString(args, 'from')!, to, protocol, protocolName, ...(port !== undefined ? { port } : {}), size };
    // One packet: judged by the reference evaluator, without compiling the clusters it crosses.
    judgeByReference(built.clusters);
    const t = askWithBgpOnDemand(loaded, (run) => tracePacket(run, built.clusters, req));
    if (typeof t === 'string') throw new UsageError(t);
    const format = docFormat(args);
    if (format) printDoc(t, format, loaded);
    else process.stdout.write(renderTrace(t));
    return 0;
  },
};

function renderTrace(t: Trace): string {
  const out = [`trace ${t.from} (${t.srcIp ?? '-'}) → ${t.to} (${t.dstIp ?? '-'}) ${t.protocol}${t.port !== null ? ` ${t.port}` : ''}, ${t.size} bytes, at t=${t.at / 1000}s`];
  t.hops.forEach((h, i) => {
    const extra = [h.prefix ? `prefix ${h.prefix}` : '', h.nextHop ? `next hop ${h.nextHop}` : '', h.outerSrc && h.outerDst ? `outer ${h.outerSrc} → ${h.outerDst}` : '', h.file ? `${h.file}:${h.line}` : '']
      .filter((x) => x)
      .join(', ');
    out.push(`  ${String(i + 1).padStart(2)}. [${h.step}] ${h.at}: ${h.detail}${extra ? ` (${extra})` : ''}`);
  });
  out.push(t.disposition === 'dropped' ? `DROPPED: ${t.dropReason}` : t.disposition === 'delivered' ? 'DELIVERED' : 'LEFT THE PLATFORM');
  return out.join('\n') + '\n';
}

/** `--to URL`: the request walk of `calisim request`, from the `--from` address. */
function traceUrl(args: Record<string, unknown>, url: string): number {
  const from = optString(args, 'from')!;
  if (parseIpv4(from) < 0) throw new UsageError(`--from ${from}: with --to URL, give the client's IPv4 address`);
  const loaded = loadRun(inputFiles(args, 'scenario'), optString(args, 'at') ?? SETTLED, inputOptions(args), { policyOnly: true });
  const built = policyModelsOf(loaded.run);
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new InputError(errors);
  const req = { url, method: 'GET', headers: {}, from };
  const r = askWithBgpOnDemand(loaded, (run) => requestWalker(run, built.clusters).follow(req));
  if (typeof r === 'string') throw new UsageError(r);
  const format = docFormat(args);
  if (format) printDoc(r, format, loaded);
  else process.stdout.write(renderRequest(req, r));
  return 0;
}
