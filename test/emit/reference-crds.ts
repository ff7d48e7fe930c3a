// Test helper: the upstream CRDs under ../shared/reference/<name>/crds — whether their schema tests run (always
// under CI, else only when the folder is there) and the openAPIV3Schema of a CRD's served version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;
type Crd = { spec: { versions: { name: string; served?: boolean; schema: { openAPIV3Schema: Schema } }[] } };

/** The folder of `../shared/reference/<name>/crds`, and whether tests use it (warning when they skip). */
export function referenceCrds(name: string, test: string): { dir: string; enabled: boolean } {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), `../../../shared/reference/${name}/crds`);
  const enabled = existsSync(dir) || process.env['CI'] !== undefined;
  if (!enabled) console.warn(`${test}: ${dir} is absent and CI is unset; skipping the CRD schema test`);
  return { dir, enabled };
}

/** The schema of `version` in the CRD file `file` (throws when the CRD does not serve that version). */
export function crdSchema(file: string, version: string): Schema {
  const crd = parse(readFileSync(file, 'utf8')) as Crd;
  const v = crd.spec.versions.find((x) => x.name === version && x.served !== false);
  if (v === undefined) throw new Error(`${file} does not serve version ${version}`);
  return v.schema.openAPIV3Schema;
}
