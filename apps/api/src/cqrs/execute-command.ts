import {
  type AnyCommandSpec,
  type CommandEnvelope,
  type CommandResult,
  executeCommand,
} from "#application";
import { Inject } from "@nestjs/common";
import { Command, CommandHandler, type ICommandHandler } from "@nestjs/cqrs";
import { Cause, Exit, Option } from "effect";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

/** Runs one command spec through the pipeline; the CommandBus is only the shell around it. */
export class ExecuteCommand extends Command<CommandResult> {
  constructor(
    readonly spec: AnyCommandSpec,
    readonly envelope: CommandEnvelope<unknown>,
  ) {
    super();
  }
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand> {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  async execute({ spec, envelope }: ExecuteCommand): Promise<CommandResult> {
    return runToPromise(await this.runtime.effects.runPromiseExit(executeCommand(spec, envelope)));
  }
}

/** The success value, or the typed failure thrown as is (the problem filter maps it); a defect as an Error. */
export function runToPromise<A, E>(exit: Exit.Exit<A, E>): A {
  if (Exit.isSuccess(exit)) return exit.value;
  const failure = Cause.failureOption(exit.cause);
  if (Option.isSome(failure)) throw failure.value;
  throw Cause.squash(exit.cause);
}
