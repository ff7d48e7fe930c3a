// emit: a file name from a report as a SARIF artifactLocation.uri — forward slashes, each segment
// percent-encoded (RFC 3986), relative names kept relative (code scanning resolves them against the
// repository root) and absolute ones as file: URIs (SARIF 2.1.0 §3.4.3).

function encodePath(segments: readonly string[]): string {
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

/** `policies/db.yaml`, `dir%20with%20space/a.yaml`, `file:///etc/x.yaml`, `file:///C:/x.yaml`. */
export function sarifUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(slashed);
  if (drive) return `file:///${drive[1]}:/${encodePath(slashed.slice(3).split('/'))}`;
  if (slashed.startsWith('/')) return `file://${encodePath(slashed.split('/'))}`;
  const parts = slashed.split('/').filter((p, i) => !(p === '.' && i === 0));
  return encodePath(parts);
}
