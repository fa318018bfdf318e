import { verifyStore } from "#event-store";
import { RawEventStore } from "#platform";
import { auditEvents } from "#projections";
import { Controller, Inject, Req } from "@nestjs/common";
import { Effect } from "effect";
import { runToPromise } from "../cqrs/execute-command.js";
import { readFrom } from "../cqrs/read-query.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";
import { auditRoutes as routes } from "./audit.routes.js";

/**
 * A read of the log itself, run on the stores: it names no read model, so minPosition waits
 * for none. A failure such as StoreUnavailable is thrown as is for the problem filter.
 */
const readOfTheLog = <A, E>(effect: Effect.Effect<A, E, RawEventStore>) =>
  readFrom([], async (runtime: MandatRuntime): Promise<A> => runToPromise(await runtime.effects.runPromiseExit(effect)));

@Controller()
export class AuditController {
  constructor(@Inject(Reads) private readonly reads: Reads) {}

  /** As stored (API.md: raw events): what the hashes cover, checkable against them. */
  @Route(routes.events)
  events(@Req() request: MandatRequest) {
    return this.reads.run(routes.events, request, ({ query }) =>
      readOfTheLog(
        Effect.flatMap(RawEventStore, (store) =>
          auditEvents(store, { streamId: query.streamId, fromPosition: query.fromPosition, limit: query.limit }),
        ),
      ),
    );
  }

  /** Over the raw store: the hashes cover what was written, not its upcast shape. */
  @Route(routes.verify)
  verify(@Req() request: MandatRequest) {
    return this.reads.run(routes.verify, request, () => readOfTheLog(Effect.flatMap(RawEventStore, (store) => verifyStore(store))));
  }
}
