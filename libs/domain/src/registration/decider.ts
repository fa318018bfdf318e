import type { Decider } from "../shared/decider.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import { FoldDrafts } from "../shared/fold-drafts.js";
import type { RegistrationCommand } from "./commands.js";
import { DecisionNotFound, MeetingNotHeld, MeetingNotYetHeld } from "../meeting/errors.js";
import { RegistrationNumberAlreadyAssigned } from "./errors.js";
import type { RegistrationEvent } from "./events.js";
import { formatRegistrationNumber } from "./series.js";
import { type RegistrationState, initialRegistrationState, subjectKey } from "./state.js";

/** One shared stream numbers every registration, so its fold writes only the maps `drafts` owns (fold-drafts.ts). */
const evolveRegistration = (
  state: RegistrationState,
  event: RegistrationEvent,
  drafts = new FoldDrafts(),
): RegistrationState => ({
  lastOfYear: drafts.map(state.lastOfYear).set(event.data.year, event.data.n),
  numbered: drafts.map(state.numbered).set(subjectKey(event.data.subject), event.data.number),
});

/** The next number of the year the meeting was held, once per subject: held minutes, or a decision recorded in them. */
const decideRegistration = (command: RegistrationCommand, state: RegistrationState): Decision<RegistrationEvent> => {
  const { subject, series, meeting } = command.data;
  if (meeting.status === "not-held") return reject(new MeetingNotHeld({ detail: `No meeting ${subject.meetingId}` }));
  if (meeting.status === "planned") return reject(new MeetingNotYetHeld({ detail: "Minutes are registered once held" }));
  if ("decisionId" in subject && !meeting.decisionIds.has(subject.decisionId)) {
    return reject(new DecisionNotFound({ detail: `The meeting recorded no decision ${subject.decisionId}` }));
  }
  const year = Number(meeting.heldOn.slice(0, 4));
  const taken = state.numbered.get(subjectKey(subject));
  if (taken !== undefined) return reject(new RegistrationNumberAlreadyAssigned({ detail: `It has ${taken}` }));
  const n = (state.lastOfYear.get(year) ?? 0) + 1;
  return accept({
    type: "RegistrationNumberAssigned",
    data: { subject, year, n, number: formatRegistrationNumber(series, year, n) },
  });
};

export const registrationDecider: Decider<RegistrationCommand, RegistrationEvent, RegistrationState> = {
  initialState: initialRegistrationState,
  evolve: evolveRegistration,
  decide: decideRegistration,
};
