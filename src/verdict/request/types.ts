// verdict: the request walk's contract — an HTTP request from a client address, and the answer: status,
// the rule that matched, the backend it went to, every hop from the client to the pod, and the disposition.
import type { TraceHop } from '../trace/types.js';

/** One request (the batch file holds an array of these). */
export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The client's IPv4 address. */
  readonly from: string;
  /** Simulated time of the request (ms), when the batch gives one; else the command's `--at`. */
  readonly at?: number;
}

/** The rule that matched. */
export interface MatchedRoute {
  readonly kind: 'Ingress' | 'HTTPRoute';
  readonly namespace: string;
  readonly name: string;
  readonly host: string | null;
  readonly path: string;
  readonly pathType: string;
  /** HTTPRoute only: the index of the rule that matched in `spec.rules`. */
  readonly rule?: number;
  /** HTTPRoute only: the listener that accepted the request, `namespace/gateway/listener` (null: an implied Gateway). */
  readonly listener?: string | null;
}

/** The backend the route (or a default backend) picked; `pod` null without an endpoint. */
export interface RequestBackend {
  readonly cluster: string;
  readonly namespace: string;
  readonly service: string;
  readonly port: number | string;
  readonly pod: string | null;
  /** An ExternalName Service's DNS name, which the controller proxies to (then `pod` is null). */
  readonly externalName?: string;
}

/** The answer for one request. */
export interface RequestResult {
  readonly url: string;
  /** HTTP status the client gets; null when no answer comes back (dropped, or proxied out of the platform). */
  readonly status: number | null;
  readonly route: MatchedRoute | null;
  readonly backend: RequestBackend | null;
  readonly hops: readonly TraceHop[];
  /**
   * `delivered` to a backend pod, `answered` by the controller itself, `dropped` on the way, or
   * `left-platform` when the controller proxies to an ExternalName Service's DNS name.
   */
  readonly disposition: 'delivered' | 'answered' | 'dropped' | 'left-platform';
}
