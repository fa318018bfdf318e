import type { AnyProjection } from "#projections";
import { Inject } from "@nestjs/common";
import { type IQueryHandler, Query, QueryHandler } from "@nestjs/cqrs";
import { Effect } from "effect";
import { readModelBehind } from "../http/problems.js";
import { MIN_POSITION_TIMEOUT_MS } from "../http/time-parameters.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

type ReadFunction<Answer> = (runtime: MandatRuntime) => Answer | Promise<Answer>;

/**
 * A read of the read-model database and the runtime (for the log and keys), naming the
 * read models it reads: a read with `minPosition` waits for those. One that names none
 * (the audit log reads the log itself) waits for none.
 */
export type NamedRead<Answer> = ReadFunction<Answer> & { readonly readModels: ReadonlyArray<AnyProjection> };

/** `read`, naming the read models it reads: with `minPosition`, only these are waited for. */
export const readFrom = <Answer>(readModels: ReadonlyArray<AnyProjection>, read: ReadFunction<Answer>): NamedRead<Answer> =>
  Object.assign((runtime: MandatRuntime) => read(runtime), { readModels });

/**
 * A read of the read models, after waiting (up to 5 s) for the ones it reads to reach
 * `minPosition`: a read made with the Log-Position of a write sees that write, or is
 * answered 503 read-model-behind (also at once, when one of them has stopped short of it).
 */
export class ReadQuery<Answer> extends Query<Answer> {
  constructor(
    readonly read: NamedRead<Answer>,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

@QueryHandler(ReadQuery)
export class ReadQueryHandler implements IQueryHandler<ReadQuery<unknown>> {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  async execute({ read, minPosition }: ReadQuery<unknown>): Promise<unknown> {
    if (minPosition !== undefined) {
      const readModels = read.readModels.map((projection) => projection.name);
      const reached = await Effect.runPromise(this.runtime.runner.waitFor(minPosition, MIN_POSITION_TIMEOUT_MS, readModels));
      if (!reached) throw readModelBehind(minPosition);
    }
    return read(this.runtime);
  }
}
