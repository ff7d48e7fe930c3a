// lib: a Kubernetes CPU quantity (`4`, `1.5`, `250m`) as millicores — the forms a Node's
// status.allocatable.cpu takes (k8s.io/apimachinery resource.Quantity, decimal SI without exponents).

/** Millicores of `text`, or undefined when it is not a plain or milli CPU quantity. */
export function cpuMillis(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'm' ? Math.ceil(n) : Math.ceil(n * 1000);
}
