// lib: how a message quotes text taken from an input file — a short token as written, anything longer (a
// whole line of a file that was never YAML: /etc/shadow, /proc/self/environ) only by its length.

/** Longest text quoted: a Kubernetes name or label key (63 characters). */
const MAX_TOKEN = 63;

/** True for text short enough, and plain enough (one name-like token), to be shown in a message. */
export function isToken(text: string): boolean {
  return text.length <= MAX_TOKEN && TOKEN.test(text);
}

/** Names, label keys and values, addresses, CIDRs, versions, communities; not `a=b`, `$6$…`, quotes or spaces. */
const TOKEN = /^[A-Za-z0-9_.:/@+-]+$/;

/** `` `text` `` for a token, else `a key of N characters` (or the `what` given). */
export function quoteToken(text: string, what = 'a key'): string {
  return isToken(text) ? `\`${text}\`` : `${what} of ${text.length} characters`;
}
