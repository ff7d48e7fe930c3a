// lib: Kubernetes label key and value syntax (apimachinery util/validation IsQualifiedName,
// IsValidLabelValue), used to validate metav1.LabelSelector input. Each returns problems, none when valid.

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_MAX = 63;
const NAME_CHARS = "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const PREFIX_MAX = 253;

/** Problems with a label key `[prefix/]name` (prefix a DNS-1123 subdomain ≤ 253, name ≤ 63). */
export function qualifiedNameProblems(key: string): string[] {
  const parts = key.split('/');
  let name = key;
  const out: string[] = [];
  if (parts.length > 2) {
    return ["a qualified name must consist of an optional DNS subdomain prefix and '/' and a name"];
  }
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else if (prefix.length > PREFIX_MAX) out.push(`prefix part must be no more than ${PREFIX_MAX} characters`);
    else if (!DNS1123_SUBDOMAIN.test(prefix)) {
      out.push("prefix part must be a lowercase RFC 1123 subdomain (e.g. 'example.com')");
    }
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else if (name.length > NAME_MAX) out.push(`name part must be no more than ${NAME_MAX} characters`);
  else if (!NAME.test(name)) {
    out.push(`name part must consist of ${NAME_CHARS}`);
  }
  return out;
}

/** Problems with a label value (empty, or ≤ 63 characters of the name alphabet). */
export function labelValueProblems(value: string): string[] {
  if (value.length > NAME_MAX) return [`must be no more than ${NAME_MAX} characters`];
  if (value.length > 0 && !NAME.test(value)) {
    return [`a valid label must be an empty string or consist of ${NAME_CHARS}`];
  }
  return [];
}
