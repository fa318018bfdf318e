import type { Decider, DomainEvent, EventCatalog, IsoDate, Principal, Role, RuleViolation } from "#domain";
import type { EventStore, StoreUnavailable } from "#event-store";
import type { KeyStore, KeyStoreUnavailable } from "#privacy";
import type { Effect } from "effect";

/** What commands may use: the log, and the person keys that seal personal data. */
export type CommandServices = EventStore | KeyStore;

/** What a command's decision may draw on besides its input and its own stream's state. */
export interface DecisionContext<State> {
  /** A fresh UUID for whatever the command creates; stable across conflict retries. */
  readonly newId: string;
  /** Today in the collaboration's calendar. */
  readonly today: IsoDate;
  readonly state: State;
}

export interface CommandTarget {
  readonly streamId: string;
  /** The id the write answers with: the created or changed resource. */
  readonly resourceId: string;
}

/**
 * One command as the pipeline runs it: who may issue it, which stream it lands in, and
 * how its input becomes a domain command (reading other streams for facts if a rule needs
 * them). The decision itself stays in the stream's pure decider.
 */
export interface CommandSpec<Input, Command, Event extends DomainEvent, State> {
  /** e.g. "GrantMandate"; names the command in fingerprints, documentation and logs. */
  readonly name: string;
  /** The roles that may issue the command at all. */
  readonly roles: ReadonlyArray<Role>;
  /** Narrows `roles` once the stream is read, e.g. a lead only for their own initiatives. */
  readonly scope?: (principal: Principal, input: Input, state: State) => boolean;
  /**
   * What the command brings into being: a new stream (answered 201; the stream not existing
   * yet is expected), a new resource inside an existing stream such as a goal or a
   * decision (201), or nothing (200). Unless it creates a stream, a missing one is a 404.
   */
  readonly creates: "stream" | "resource" | "nothing";
  readonly target: (input: Input, newId: string) => CommandTarget;
  readonly decider: Decider<Command, Event, State>;
  readonly events: EventCatalog;
  readonly toCommand: (
    input: Input,
    context: DecisionContext<State>,
  ) => Effect.Effect<Command, RuleViolation | StoreUnavailable | KeyStoreUnavailable, CommandServices>;
}

// The pipeline runs specs of every stream; their concrete types matter only inside a spec.
export type AnyCommandSpec = CommandSpec<any, any, any, any>;
