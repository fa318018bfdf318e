import { type AnyCommandSpec, type CommandEnvelope, type CommandResult, LoginDirectory, executeCommand } from "#application";
import { Effect } from "effect";
import { Inject } from "@nestjs/common";
import { Command, CommandHandler, type ICommandHandler } from "@nestjs/cqrs";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

/** Runs one command spec through the pipeline; the CommandBus is only the shell around it. */
export class ExecuteCommand extends Command<CommandResult> {
  constructor(
    readonly spec: AnyCommandSpec,
    readonly envelope: CommandEnvelope<Record<string, unknown>>,
  ) {
    super();
  }
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand> {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  async execute({ spec, envelope }: ExecuteCommand): Promise<CommandResult> {
    return this.runtime.run(
      Effect.provideService(executeCommand(spec, envelope), LoginDirectory, this.runtime.principals.logins),
    );
  }
}
