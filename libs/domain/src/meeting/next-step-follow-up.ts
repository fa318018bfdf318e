import { type Decision, accept, reject } from "../shared/decision.js";
import type { MeetingCommand } from "./commands.js";
import { NextStepClosed, NextStepClosedInFuture, NextStepDatedBeforeMeeting, NextStepNotFound } from "./errors.js";
import type { MeetingEvent } from "./events.js";
import type { MeetingState } from "./state.js";

type Held = Extract<MeetingState, { status: "held" | "approved" }>;

/**
 * A next step is followed up after the meeting: marked done or dropped, once. This is not
 * an addition to the minutes, so approved minutes take it too.
 */
export const followUpNextStep = (
  command: Extract<MeetingCommand, { type: "CompleteNextStep" | "DropNextStep" }>,
  state: Held,
): Decision<MeetingEvent> => {
  const { nextStepId, on, today } = command.data;
  const status = state.nextSteps.get(nextStepId);
  if (status === undefined) return reject(new NextStepNotFound({ detail: `No next step ${nextStepId} in these minutes` }));
  if (status !== "open") return reject(new NextStepClosed({ detail: `The next step is ${status}` }));
  if (on < state.heldOn) return reject(new NextStepDatedBeforeMeeting({ detail: `The meeting was held on ${state.heldOn}` }));
  if (on > today) return reject(new NextStepClosedInFuture({ detail: `${on} is after today, ${today}` }));
  if (command.type === "CompleteNextStep") return accept({ type: "NextStepCompleted", data: { nextStepId, on } });
  return accept({ type: "NextStepDropped", data: { nextStepId, on, reason: command.data.reason } });
};
