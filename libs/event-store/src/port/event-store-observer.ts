/**
 * What a store tells whoever measures it (the server's metrics), without knowing who that
 * is: the library stays free of any metrics client. Calls are made after the fact and
 * must not throw.
 */
export interface EventStoreObserver {
  /** An append was answered: `seconds` from the call to its answer, queueing for a batch included. */
  readonly appendAnswered: (seconds: number) => void;
  /** A group commit wrote `appends` appends in one transaction. */
  readonly batchCommitted: (appends: number) => void;
}

/** Observes nothing: the default. */
export const NO_OBSERVER: EventStoreObserver = { appendAnswered: () => {}, batchCommitted: () => {} };
