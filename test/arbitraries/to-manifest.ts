// test helper: a JSON object (apiVersion, kind, metadata, spec) into a scenario Manifest with a trivial
// locator, so generated policies go through the real converters without YAML.
import type { SourceRef } from '../../src/lib/diagnostics.js';
import type { JsonObject, Labels, Manifest } from '../../src/scenario/types.js';

/** Wraps a generated object; `line` tells generated manifests apart in explanations. */
export function toManifest(body: JsonObject, line = 1): Manifest {
  const meta = (body['metadata'] ?? {}) as JsonObject;
  const src: SourceRef = { file: 'generated.yaml', line, col: 1 };
  return {
    apiVersion: String(body['apiVersion']),
    kind: String(body['kind']),
    name: String(meta['name'] ?? ''),
    ...(typeof meta['namespace'] === 'string' ? { namespace: meta['namespace'] } : {}),
    labels: (meta['labels'] ?? {}) as Labels,
    annotations: {},
    body,
    src,
    locate: () => src,
  };
}
