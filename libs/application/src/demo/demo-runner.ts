import type { DomainEvent, Principal } from "#domain";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandResult } from "../command-envelope.js";
import type { CommandServices, CommandSpec } from "../command-spec.js";
import { type CommandError, executeCommand } from "../execute-command.js";
import type { DemoTimeline } from "./demo-timeline.js";

/** Runs the demo's commands through the real pipeline, each at the timeline's next instant. */
export interface DemoRunner {
  readonly timeline: DemoTimeline;
  readonly run: <Input extends z.ZodObject, Command, Event extends DomainEvent, State>(
    spec: CommandSpec<Input, Command, Event, State>,
    input: z.input<Input>,
    principal: Principal,
  ) => Effect.Effect<CommandResult, CommandError, CommandServices>;
  /** `run`, answering the id of what the command created or changed. */
  readonly idOf: <Input extends z.ZodObject, Command, Event extends DomainEvent, State>(
    spec: CommandSpec<Input, Command, Event, State>,
    input: z.input<Input>,
    principal: Principal,
  ) => Effect.Effect<string, CommandError, CommandServices>;
  /** How many commands have run so far. */
  readonly commands: () => number;
}

export const demoRunner = (timeline: DemoTimeline): DemoRunner => {
  let commands = 0;
  const run: DemoRunner["run"] = (spec, input, principal) =>
    Effect.tap(timeline.step(executeCommand(spec, { input, principal, correlationId: "demo-history" })), () => {
      commands += 1;
    });
  return {
    timeline,
    run,
    idOf: (spec, input, principal) => Effect.map(run(spec, input, principal), (result) => result.id),
    commands: () => commands,
  };
};
