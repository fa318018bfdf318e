import { assertNever } from "../shared/assert-never.js";
import { FoldDrafts } from "../shared/fold-drafts.js";
import type { MeetingEvent } from "./events.js";
import { type MeetingState, delegationDecisionKey } from "./state.js";

type HeldState = Extract<MeetingState, { status: "held" | "approved" }>;

/** Applies `change` to held minutes; a fact about minutes that were never held changes nothing. */
const onHeld = (state: MeetingState, change: (held: HeldState) => MeetingState): MeetingState =>
  state.status === "held" || state.status === "approved" ? change(state) : state;

/** Writes only the collections `drafts` says this fold owns (fold-drafts.ts); alone, it owns none. */
export const evolveMeeting = (state: MeetingState, event: MeetingEvent, drafts = new FoldDrafts()): MeetingState => {
  switch (event.type) {
    case "MeetingPlanned": {
      const { body, focusArea, agenda } = event.data;
      return { status: "planned", body, focusArea, agenda };
    }
    case "MeetingHeld":
      return {
        status: "held",
        decisions: new Map(),
        heldOn: event.data.heldOn,
        agendaLength: event.data.agenda.length,
        // Officers appointed while the meeting was planned stay.
        ...(state.status === "planned" && state.officers ? { officers: state.officers } : {}),
        adjustedBy: new Set(),
        nextSteps: new Map(),
        reported: new Set(),
      };
    case "DecisionRecorded":
      return onHeld(state, (held) => ({
        ...held,
        decisions: drafts.map(held.decisions).set(event.data.decisionId, event.data.kind),
      }));
    case "MinutesApproved":
      return onHeld(state, (held) => ({ ...held, status: "approved" }));
    case "MeetingOfficersAppointed": {
      const officers = event.data;
      return state.status === "not-held" ? state : { ...state, officers };
    }
    case "MinutesAdjusted":
      return onHeld(state, (held) => {
        const adjustedBy = drafts.set(held.adjustedBy).add(event.data.adjusterId);
        const both = held.officers?.adjusterIds.every((id) => adjustedBy.has(id)) ?? false;
        return { ...held, adjustedBy, status: both ? "approved" : held.status };
      });
    case "NextStepAgreed":
      return onHeld(state, (held) => ({ ...held, nextSteps: drafts.map(held.nextSteps).set(event.data.nextStepId, "open") }));
    case "NextStepCompleted":
      return onHeld(state, (held) => ({ ...held, nextSteps: drafts.map(held.nextSteps).set(event.data.nextStepId, "done") }));
    case "NextStepDropped":
      return onHeld(state, (held) => ({ ...held, nextSteps: drafts.map(held.nextSteps).set(event.data.nextStepId, "dropped") }));
    case "DelegationDecisionsReported":
      return onHeld(state, (held) => ({
        ...held,
        reported: event.data.decisions.reduce(
          (reported, decision) => reported.add(delegationDecisionKey(decision)),
          drafts.set(held.reported),
        ),
      }));
    case "CommentRecorded":
    case "MinutesCorrected":
      return state;
    default:
      return assertNever(event, "meeting event");
  }
};
