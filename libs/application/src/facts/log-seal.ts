import type { LogSeal } from "#domain";
import { LogSealer, type StoreUnavailable } from "#event-store";
import { Effect, Option } from "effect";

/**
 * The log sealed now, for minutes being approved to carry (docs/domain.md "Minutes and the
 * sealed log"): `{ seal }` where the process seals (the server, the CLI), `{}` where it
 * does not (tests that run commands on a bare store). The seal covers the log before the
 * approval: the approval's own event is not yet appended, and a seal never covers an
 * unacknowledged event.
 */
export const sealForMinutes: Effect.Effect<{ readonly seal?: LogSeal }, StoreUnavailable> = Effect.flatMap(
  Effect.serviceOption(LogSealer),
  Option.match({
    onNone: () => Effect.succeed({}),
    onSome: (sealer) => Effect.map(sealer.seal, (seal) => ({ seal })),
  }),
);
