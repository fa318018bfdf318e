import { type AnyProjection, inOneSnapshot, initiativeOverviewProjection, initiativeRegistered } from "#projections";
import type Database from "better-sqlite3";
import { type NamedRead, readFrom } from "../cqrs/read-query.js";

/** docs/api.md's "core-team, lead": the spec admits both roles and checks the lead's initiatives once it has read the stream. */
export const LEADS_OF_THEIR_INITIATIVES = "A lead only for the initiatives they lead (as the log says today).";

/**
 * A read of an initiative's parts from `readModels`, answered only for an initiative
 * registered as of `asOf`, in one snapshot with that check; otherwise undefined, which Reads
 * answers with 404. It names the initiative-overview read model too: the registration is read there.
 */
export const ifInitiativeKnown = <Answer>(
  readModels: ReadonlyArray<AnyProjection>,
  initiativeId: string,
  asOf: string | undefined,
  read: (db: Database.Database) => Answer,
): NamedRead<Answer | undefined> =>
  readFrom([initiativeOverviewProjection, ...readModels], (runtime) =>
    inOneSnapshot(runtime.readModels, () =>
      initiativeRegistered(runtime.readModels, initiativeId, { asOf }) ? read(runtime.readModels) : undefined,
    ),
  );
