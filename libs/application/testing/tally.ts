import { type Decider, rule } from "#domain";
import { Effect, Either } from "effect";
import { z } from "zod";
import type { CommandSpec } from "../src/index.js";

/** A deliberately tiny stream for exercising the pipeline without the real domain. */
export const tallyEvents = {
  TallyOpened: { schemaVersion: 1, schema: z.strictObject({ name: z.string().min(1) }) },
  TallyIncremented: { schemaVersion: 1, schema: z.strictObject({ by: z.number().int().positive() }) },
} as const;

type TallyEvent =
  | { readonly type: "TallyOpened"; readonly data: { name: string } }
  | { readonly type: "TallyIncremented"; readonly data: { by: number } };
type TallyCommand = { readonly type: "OpenTally"; readonly name: string } | { readonly type: "Increment"; readonly by: number };
interface TallyState {
  readonly opened: boolean;
  readonly total: number;
  /** The tally's name is the person who keeps it: a lead-like scope, read from the stream. */
  readonly keeper?: string;
}

export class TallyTooHigh extends rule("tally-too-high", {
  en: "The tally may not exceed 1000",
  sv: "Räkningen får inte överstiga 1000",
}) {}

export const tallyDecider: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: { opened: false, total: 0 },
  evolve: (state, event) => {
    switch (event.type) {
      case "TallyOpened":
        return { ...state, opened: true, keeper: event.data.name };
      case "TallyIncremented":
        return { ...state, total: state.total + event.data.by };
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case "OpenTally":
        return Either.right(state.opened ? [] : [{ type: "TallyOpened", data: { name: command.name } }]);
      case "Increment":
        return state.total + command.by > 1000
          ? Either.left(new TallyTooHigh({ detail: `At ${state.total}, adding ${command.by} exceeds 1000` }))
          : Either.right([{ type: "TallyIncremented", data: { by: command.by } }]);
    }
  },
};

const OpenTallyInput = z.strictObject({ name: z.string().min(1) });
// Looser than TallyIncremented on purpose: lets a test see the pipeline refuse an event its own schema rejects.
const IncrementInput = z.strictObject({ tallyId: z.string(), by: z.number() });

export const openTally: CommandSpec<typeof OpenTallyInput, TallyCommand, TallyEvent, TallyState> = {
  name: "OpenTally",
  input: OpenTallyInput,
  rules: [],
  roles: ["admin", "core-team"],
  creates: "stream",
  target: (_input, newId) => ({ streamId: `tally-${newId}`, resourceId: newId }),
  decider: tallyDecider,
  events: tallyEvents,
  toCommand: (input) => Effect.succeed({ type: "OpenTally", name: input.name }),
};

export const increment: CommandSpec<typeof IncrementInput, TallyCommand, TallyEvent, TallyState> = {
  name: "Increment",
  input: IncrementInput,
  rules: [TallyTooHigh],
  roles: ["core-team", "initiative-lead"],
  scope: (principal, _input, state) =>
    Effect.succeed(
      principal.roles.includes("core-team") || (principal.personId !== undefined && principal.personId === state.keeper),
    ),
  creates: "nothing",
  target: (input) => ({ streamId: `tally-${input.tallyId}`, resourceId: input.tallyId }),
  decider: tallyDecider,
  events: tallyEvents,
  toCommand: (input) => Effect.succeed({ type: "Increment", by: input.by }),
};
