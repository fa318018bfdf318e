import type { RecordedEvent } from "../port/recorded-event.js";
import { EMPTY_LOG_DIGEST, type Seal, nextLogDigest } from "./seal.js";
import { type SealKeySet, checkSealSignature } from "./seal-keys.js";

/**
 * What a seal says about the log it is checked against:
 * - `truncated`: the log ends before the seal's last event: events it covered are gone;
 * - `digest-mismatch`: the log's first eventCount events are not the ones sealed (rewritten,
 *   even with every hash recomputed);
 * - `bad-signature`, `unknown-key`: the seal itself cannot be trusted;
 * - `not-reached`: the walk stopped at a broken hash chain before the seal's last event.
 */
export type SealProblem = "truncated" | "digest-mismatch" | "bad-signature" | "unknown-key" | "not-reached";

export interface SealFinding {
  readonly seal: Seal;
  readonly problem: SealProblem;
  /** In words, for people: e.g. "truncated after position 41: the seal covers 45 events, the log holds 41". */
  readonly detail: string;
}

export interface SealReport {
  readonly checked: number;
  /** Every seal that does not hold, in the order of the events they cover. */
  readonly failures: ReadonlyArray<SealFinding>;
  /** The seal covering the most events, whether or not it held: what an auditor records. */
  readonly latest?: Seal;
}

/**
 * Checks seals along one walk of the log: it chains the event hashes into the log digest
 * as events pass and compares it with each seal at the seal's event count. Signatures are
 * checked with the public keys alone.
 */
export class SealChecker {
  private readonly pending: Seal[] = [];
  private readonly failures: SealFinding[] = [];
  private readonly latest: Seal | undefined;
  private readonly total: number;
  private digest = EMPTY_LOG_DIGEST;
  private count = 0;
  private lastPosition = 0;

  constructor(seals: ReadonlyArray<Seal>, keys: SealKeySet) {
    for (const seal of [...seals].sort((a, b) => a.eventCount - b.eventCount)) {
      const signature = checkSealSignature(seal, keys);
      if (signature === "valid") this.pending.push(seal);
      else this.failures.push({ seal, problem: signature, detail: signatureDetail(seal, signature) });
    }
    this.latest = seals.reduce<Seal | undefined>((a, b) => (a && a.eventCount >= b.eventCount ? a : b), undefined);
    this.total = seals.length;
    this.settle();
  }

  /** Feeds the next events in log order (only those the chain check accepted). */
  check(events: Iterable<RecordedEvent>): void {
    for (const event of events) {
      if (this.pending.length === 0) return;
      this.digest = nextLogDigest(this.digest, event.metadata.hash);
      this.count += 1;
      this.lastPosition = event.position;
      this.settle();
    }
  }

  /**
   * The findings once the walk is over. `wholeLog` is false when the walk stopped at a
   * broken chain: the seals beyond it were not reached, not cut off.
   */
  report(wholeLog: boolean): SealReport {
    const unsettled = this.pending.map<SealFinding>((seal) =>
      wholeLog
        ? {
            seal,
            problem: "truncated",
            detail: `truncated after position ${this.lastPosition}: the seal made ${seal.sealedAt} covers ${seal.eventCount} events up to position ${seal.position}, the log holds ${this.count}`,
          }
        : { seal, problem: "not-reached", detail: `not checked: the log breaks before its event ${seal.eventCount}` },
    );
    const failures = [...this.failures, ...unsettled].sort((a, b) => a.seal.eventCount - b.seal.eventCount);
    return { checked: this.total, failures, ...(this.latest ? { latest: this.latest } : {}) };
  }

  /** Compares the digest with every seal that covers exactly the events seen so far. */
  private settle(): void {
    while (this.pending.length > 0 && this.pending[0]!.eventCount === this.count) {
      const seal = this.pending.shift()!;
      if (seal.digest !== this.digest)
        this.failures.push({
          seal,
          problem: "digest-mismatch",
          detail: `the log's first ${seal.eventCount} events are not the ones sealed at ${seal.sealedAt}: rewritten at or before position ${this.lastPosition}`,
        });
    }
  }
}

const signatureDetail = (seal: Seal, problem: "bad-signature" | "unknown-key"): string =>
  problem === "unknown-key"
    ? `signed with key ${seal.keyId}, which is not among the seal keys`
    : `the signature does not match the seal made ${seal.sealedAt} with key ${seal.keyId}`;
