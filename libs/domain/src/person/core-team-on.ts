import type { IsoDate } from "../shared/calendar.js";
import type { FocusArea } from "../shared/schema-primitives.js";
import type { PersonEvent } from "./events.js";

/**
 * The focus areas whose Core Team the person is in on `day`, from the person's own events:
 * a membership counts from its start date through its end date (the last day of
 * membership), so an end recorded ahead of time leaves the rights until that day. An erased
 * person is in no Core Team.
 */
export function coreTeamOn(events: ReadonlyArray<PersonEvent>, day: IsoDate): ReadonlySet<FocusArea> {
  const areas = new Set<FocusArea>();
  for (const event of events) {
    switch (event.type) {
      case "CoreTeamMembershipStarted":
        if (event.data.on <= day) areas.add(event.data.focusArea);
        break;
      case "CoreTeamMembershipEnded":
        if (event.data.on < day) areas.delete(event.data.focusArea);
        break;
      case "PersonErased":
        return new Set();
      default:
        break;
    }
  }
  return areas;
}
