/** What an append stores beside its events so that a repeated command is answered, not re-run. */
export interface IdempotencyClaim {
  /** Scoped by the caller (e.g. per actor); the store treats it as opaque and unique. */
  readonly key: string;
  /** Identifies the command the key was first used for; another fingerprint is another command. */
  readonly fingerprint: string;
  /** The answer to give again; JSON-serialisable. */
  readonly response: unknown;
}

export interface IdempotencyRecord extends IdempotencyClaim {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
}
