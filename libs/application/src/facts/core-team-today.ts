import { type FocusArea, type PersonEvent, calendarDate, coreTeamOn, fold, personDecider, personStream } from "#domain";
import { EventStore, type RecordedEvent, type StoreUnavailable } from "#event-store";
import { Clock, Effect } from "effect";

/** A person as the sign-in needs them, read from their own stream now. */
export interface PersonStanding {
  readonly erased: boolean;
  /** The focus areas whose Core Team they are in today (empty when erased). */
  readonly coreTeam: ReadonlySet<FocusArea>;
  /** The logins linked to them now, by `loginKey`: the log's word, not a read model's. */
  readonly logins: ReadonlySet<string>;
}

/**
 * Read from the log at the request, not from a read model: ending a membership or erasing
 * a person takes effect on their very next request.
 */
export const personStandingToday = (personId: string): Effect.Effect<PersonStanding, StoreUnavailable, EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore;
    const recorded = yield* Effect.catchTag(store.readStream(personStream(personId)), "StreamNotFound", () =>
      Effect.succeed([] as ReadonlyArray<RecordedEvent>),
    );
    // A recorded event is a domain event with its envelope around it.
    const events = recorded as unknown as ReadonlyArray<PersonEvent>;
    const today = calendarDate(new Date(yield* Clock.currentTimeMillis));
    const state = fold(personDecider, events);
    return {
      erased: state.status === "erased",
      coreTeam: coreTeamOn(events, today),
      logins: state.status === "unregistered" ? new Set() : state.logins,
    };
  });
