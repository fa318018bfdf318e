import type { RecordedEvent } from "./types";

// What a person's own stream says about their Core Team memberships and logins, for their
// admin page. The log keeps a login's issuer and a digest of its subject, never the subject.

export interface Membership {
  readonly focusArea: string;
  readonly from: string;
  readonly until: string | null;
}

export interface LinkedLogin {
  readonly issuer: string;
  readonly subjectDigest: string;
  readonly linkedAt: string;
  readonly linkedBy: string;
}

export interface PersonHistory {
  readonly memberships: ReadonlyArray<Membership>;
  /** The logins linked now, oldest first. */
  readonly logins: ReadonlyArray<LinkedLogin>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

export function personHistory(events: ReadonlyArray<RecordedEvent>): PersonHistory {
  const memberships: Membership[] = [];
  let logins: LinkedLogin[] = [];
  for (const event of events) {
    const data = event.data;
    switch (event.type) {
      case "CoreTeamMembershipStarted":
        memberships.push({ focusArea: text(data.focusArea), from: text(data.on), until: null });
        break;
      case "CoreTeamMembershipEnded": {
        const open = memberships.findLastIndex(
          (membership) => membership.focusArea === text(data.focusArea) && membership.until === null,
        );
        if (open >= 0) memberships[open] = { ...memberships[open]!, until: text(data.on) };
        break;
      }
      case "PersonLoginLinked":
        logins.push({
          issuer: text(data.issuer),
          subjectDigest: text(data.subjectDigest),
          linkedAt: event.recordedAt,
          linkedBy: text(data.linkedBy),
        });
        break;
      case "PersonLoginUnlinked":
        logins = logins.filter(
          (login) => !(login.issuer === text(data.issuer) && login.subjectDigest === text(data.subjectDigest)),
        );
        break;
    }
  }
  return { memberships, logins };
}
