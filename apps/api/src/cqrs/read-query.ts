import { Inject } from "@nestjs/common";
import { IQueryHandler, Query, QueryHandler } from "@nestjs/cqrs";
import { Effect } from "effect";
import { readModelBehind } from "../http/problems.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

/** What a read may use: the read-model database and the runtime (for the log and keys). */
export type Read<Answer> = (runtime: MandatRuntime) => Answer | Promise<Answer>;

/**
 * A read of the read models, after waiting (up to 5 s) for them to reach `minPosition`:
 * a read made with the Log-Position of a write sees that write.
 */
export class ReadQuery<Answer> extends Query<Answer> {
  constructor(
    readonly read: Read<Answer>,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export const MIN_POSITION_TIMEOUT_MS = 5_000;

@QueryHandler(ReadQuery)
export class ReadQueryHandler implements IQueryHandler<ReadQuery<unknown>> {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  async execute({ read, minPosition }: ReadQuery<unknown>): Promise<unknown> {
    if (minPosition !== undefined) {
      const reached = await Effect.runPromise(this.runtime.runner.waitFor(minPosition, MIN_POSITION_TIMEOUT_MS));
      if (!reached) throw readModelBehind(minPosition);
    }
    return read(this.runtime);
  }
}
