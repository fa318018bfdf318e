import type { Bilingual, Decider, DomainEvent, EventCatalog, IsoDate, Principal, Role, RuleViolation } from "#domain";
import type { EventStore, StoreUnavailable } from "#event-store";
import type { KeyStore, KeyStoreUnavailable } from "#privacy";
import type { Effect } from "effect";
import type { z } from "zod";

/** What commands may use: the log, and the person keys that seal personal data. */
export type CommandServices = EventStore | KeyStore;

/** A rule's error class, named by its static `rule` (the problem type the API answers with). */
export interface RuleClass {
  readonly rule: string;
  readonly title: Bilingual;
}

/** What a command's decision may draw on besides its input and its own stream's state. */
export interface DecisionContext<State> {
  /** A fresh UUID for whatever the command creates; stable across conflict retries. */
  readonly newId: string;
  /** Today in the collaboration's calendar. */
  readonly today: IsoDate;
  readonly state: State;
  /** Who acts: for rules on the acting person, such as "only an adjuster adjusts". */
  readonly principal: Principal;
}

export interface CommandTarget {
  readonly streamId: string;
  /** The id the write answers with: the created or changed resource. */
  readonly resourceId: string;
  /**
   * The stream is named by the command's newId, a UUID made for this command: it has no
   * events yet, so the pipeline does not read it (the append still expects no stream).
   */
  readonly newStream?: true;
}

/** The target of a command that opens a stream of its own, named by its newId. */
export const inNewStream =
  (streamOf: (id: string) => string) =>
  (_input: unknown, newId: string): CommandTarget => ({ streamId: streamOf(newId), resourceId: newId, newStream: true });

/**
 * A domain command with the work that must happen exactly when its decision is accepted,
 * after the decision and before its events are appended: creating the key that sealed a
 * new person's data, deleting the key of an erased one. A refused command never runs it,
 * and each attempt (a conflict decides again) brings its own.
 */
export interface StagedCommand<Command> {
  readonly command: Command;
  readonly whenAccepted: Effect.Effect<void, KeyStoreUnavailable, CommandServices>;
}

export const staged = <Command>(
  command: Command,
  whenAccepted: StagedCommand<Command>["whenAccepted"],
): StagedCommand<Command> => ({
  command,
  whenAccepted,
});

/** What `toCommand` may fail with: a rule it can already see broken, or a store it could not read. */
export type ToCommandError = RuleViolation | StoreUnavailable | KeyStoreUnavailable;

/**
 * One command's whole contract, declared once: what a caller sends (`input`, ids
 * included), who may send it, which stream it lands in, the rules its decision can break,
 * and how its input becomes a domain command (reading other streams for facts a rule
 * needs). The decision itself stays in the stream's pure decider. The HTTP routes, the
 * OpenAPI document, the CLI and the demo all read this.
 *
 * The functions are declared as methods on purpose: TypeScript compares method
 * parameters bivariantly, so every concrete spec is also an `AnyCommandSpec` that the
 * pipeline and the route table can hold without `any`.
 */
export interface CommandSpec<Input extends z.ZodObject, Command, Event extends DomainEvent, State> {
  /** e.g. "GrantMandate"; names the command in fingerprints, documentation and logs. */
  readonly name: string;
  /** What a caller sends, ids of the addressed resource included; `executeCommand` parses it. */
  readonly input: Input;
  /** The roles that may issue the command at all. */
  readonly roles: ReadonlyArray<Role>;
  /**
   * Narrows `roles` once the stream is read: a lead only for the initiatives they lead, as
   * the loaded state or the initiatives' own streams say at decision time. A spec whose
   * `roles` admit `initiative-lead` needs one; without it only the roles themselves admit.
   */
  scope?(principal: Principal, input: z.output<Input>, state: State): Effect.Effect<boolean, StoreUnavailable, CommandServices>;
  /**
   * What the command brings into being: a new stream (answered 201; the stream not existing
   * yet is expected), a new resource inside an existing stream such as a goal or a
   * decision (201), or nothing (200). Unless it creates a stream, a missing one is a 404.
   */
  readonly creates: "stream" | "resource" | "nothing";
  /**
   * The stream is shared by every command of its kind and its first command opens it in
   * passing (the registration numbers): missing, it is no 404 and creates nothing to answer 201 for.
   */
  readonly sharedStream?: true;
  /** The domain rules the decision can break, answered 409 under their names. */
  readonly rules: ReadonlyArray<RuleClass>;
  /**
   * Rules that say the resource the input addresses inside its stream (a goal, a mandate)
   * does not exist: the pipeline answers them as a missing resource (HTTP 404), not as a
   * broken rule.
   */
  readonly missing?: ReadonlyArray<RuleClass>;
  target(input: z.output<Input>, newId: string): CommandTarget;
  readonly decider: Decider<Command, Event, State>;
  readonly events: EventCatalog;
  toCommand(
    input: z.output<Input>,
    context: DecisionContext<State>,
  ): Effect.Effect<Command | StagedCommand<Command>, ToCommandError, CommandServices>;
}

/** A spec of any stream: what the pipeline, the route table and the documentation hold. */
export type AnyCommandSpec = CommandSpec<z.ZodObject, unknown, DomainEvent, unknown>;

/** What a caller passes as a spec's input (before parsing: defaults may be left out). */
export type InputOf<Spec extends { readonly input: z.ZodObject }> = z.input<Spec["input"]>;
