// cli: `calisim pki SCENARIO [--cluster NAME] [--at T] [--format text|json]` — every certificate of the
// platform at simulated time T with its subject, SANs, issuer, usages, validity, next renewal and status.
import { renderPkiText } from '../../emit/pki/render-pki-text.js';
import { pkiListing } from '../../verdict/pki/pki-listing.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { displayPath } from '../display-path.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadRun } from '../load/load-run.js';
import { docFormat, printDoc, withOutputOption } from '../output/print-doc.js';
import { UsageError } from '../usage-error.js';

export const pkiCommand: Command = {
  command: 'pki [scenario..]',
  describe: "List every cluster's certificates: subject, SANs, issuer, validity, next renewal and status at a time",
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML, manifest files or folders' })
      .option('cluster', { type: 'string', describe: 'only this cluster' })
      .option('at', { type: 'string', describe: 'simulated time (default 0)' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const loaded = loadRun(inputFiles(args, 'scenario'), optString(args, 'at'), inputOptions(args));
    const { run } = loaded;
    const cluster = optString(args, 'cluster');
    if (cluster !== undefined && run.pki.clusterIndex(cluster) < 0) throw new UsageError(`--cluster ${cluster}: no such cluster (clusters: ${run.pki.model.clusters.map((c) => c.name).join(', ')})`);
    const listing = pkiListing(run, cluster, displayPath);
    const format = docFormat(args);
    if (format) printDoc(listing, format, loaded);
    else process.stdout.write(renderPkiText(listing));
    return 0;
  },
};
