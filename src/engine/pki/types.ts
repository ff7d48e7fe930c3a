// engine: the shapes the certificate engine reports — a certificate's identity and state, the windows in which
// it did not verify, and the steps of a CA rotation.

/** One certificate's identity, as the run report lists it. */
export interface CertId {
  readonly cluster: string;
  readonly component: string;
  /** Node name for per-node certificates. */
  readonly node?: string;
  /** The certificate's name in its cluster's inventory. */
  readonly name: string;
}

/** Why a certificate does not verify. */
export type CertProblem = 'expired' | 'ca-expired' | 'not-reloaded' | 'untrusted';

/** A period [from, to) during which a certificate did not verify; `to` is undefined when still broken. */
export interface CertWindow extends CertId {
  readonly reason: CertProblem;
  readonly from: number;
  readonly to?: number;
}

/** The steps of a CA rotation and how long the old and new CA are both trusted. */
export interface CaRotation {
  readonly overlap: number;
  readonly order: readonly ('trust-new' | 'reissue' | 'distrust-old')[];
}

/** A certificate's state at the current time. */
export interface CertState {
  readonly notBefore: number;
  readonly notAfter: number;
  /** Next renewal (undefined when none is scheduled). */
  readonly nextRenewal?: number;
  /** The CA generation that signed the presented certificate. */
  readonly caGeneration: number;
  readonly status: 'valid' | CertProblem;
  /** A renewed certificate waits for the component to restart. */
  readonly pendingReload: boolean;
}
