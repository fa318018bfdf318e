import { Context, Data, type Effect } from "effect";

export class KeyStoreUnavailable extends Data.TaggedError("KeyStoreUnavailable")<{ readonly reason: string }> {
  override get message() {
    return `Key store unavailable: ${this.reason}`;
  }
}

/**
 * One AES-256 key per person, kept apart from the event log: the log can be copied,
 * exported and verified without ever exposing names, and deleting a key erases a person.
 */
export interface KeyStoreService {
  /** Keeps the key a new person's data was sealed with (replacing one an earlier attempt stored). */
  readonly store: (personId: string, key: Buffer) => Effect.Effect<void, KeyStoreUnavailable>;
  /** The person's key, or undefined once erased (or never created). */
  readonly find: (personId: string) => Effect.Effect<Buffer | undefined, KeyStoreUnavailable>;
  /** Deletes the key for good; erasing an erased person is a no-op. */
  readonly erase: (personId: string) => Effect.Effect<void, KeyStoreUnavailable>;
}

export class KeyStore extends Context.Tag("@mandat/KeyStore")<KeyStore, KeyStoreService>() {}
