import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { decisionLogTables } from "./tables.js";

const minutesEvents = [
  "MeetingHeld",
  "DecisionRecorded",
  "CommentRecorded",
  "NextStepAgreed",
  "MinutesApproved",
  "MinutesCorrected",
] as const;

/** Events of other streams that carry a `decision: { meetingId, decisionId }` reference. */
const decisionCitingEvents = [
  "MandateGranted",
  "MandateAmended",
  "MandateRenewed",
  "MandateRevoked",
  "BudgetApproved",
  "BudgetAmended",
] as const;

export const decisionLogProjection = defineProjection({
  name: "decision-log",
  // 2: decision_effects looked up by meeting, for the decision log over a range of dates.
  version: 2,
  tables: decisionLogTables,
  handles: [...minutesEvents, ...decisionCitingEvents],
  bind: (db, tables) => {
    const insertMeeting = db.prepare(
      `INSERT INTO ${tables.meetings} (meeting_id, body, focus_area, held_on, attendees, absentees, agenda, approved_on, recorded_at)
       VALUES (@meetingId, @body, @focusArea, @heldOn, @attendees, @absentees, @agenda, NULL, @recordedAt)`,
    );
    const approveMeeting = db.prepare(`UPDATE ${tables.meetings} SET approved_on = @on WHERE meeting_id = @meetingId`);
    const insertDecision = db.prepare(
      `INSERT INTO ${tables.meeting_decisions} (decision_id, meeting_id, subject, decision, rationale, kind, recorded_at, position)
       VALUES (@decisionId, @meetingId, @subject, @decision, @rationale, @kind, @recordedAt, @position)`,
    );
    const insertComment = db.prepare(
      `INSERT INTO ${tables.meeting_comments} (position, meeting_id, topic, comment, recorded_at)
       VALUES (@position, @meetingId, @topic, @comment, @recordedAt)`,
    );
    const insertNextStep = db.prepare(
      `INSERT INTO ${tables.meeting_next_steps} (next_step_id, meeting_id, text, owner_id, due, recorded_at, position)
       VALUES (@nextStepId, @meetingId, @text, @ownerId, @due, @recordedAt, @position)`,
    );
    const insertCorrection = db.prepare(
      `INSERT INTO ${tables.meeting_corrections} (position, meeting_id, correction, reason, recorded_at)
       VALUES (@position, @meetingId, @correction, @reason, @recordedAt)`,
    );
    const insertEffect = db.prepare(
      `INSERT INTO ${tables.decision_effects} (position, meeting_id, decision_id, stream_id, type, recorded_at)
       VALUES (@position, @meetingId, @decisionId, @streamId, @type, @recordedAt)`,
    );

    return (event) => {
      const { position, recordedAt } = event;
      // Minutes events live in the meeting's stream; the citing ones name their meeting in `decision`.
      const meetingOfStream = () => streamEntityId(event, "meeting");
      switch (event.type) {
        case "MeetingHeld": {
          const { body, focusArea, heldOn, attendees, absentees, agenda } = event.data;
          insertMeeting.run({
            meetingId: meetingOfStream(),
            body,
            focusArea,
            heldOn,
            attendees: JSON.stringify(attendees),
            absentees: JSON.stringify(absentees),
            agenda: JSON.stringify(agenda),
            recordedAt,
          });
          return;
        }
        case "DecisionRecorded": {
          const { decisionId, subject, decision, rationale, kind } = event.data;
          const meetingId = meetingOfStream();
          insertDecision.run({
            decisionId,
            meetingId,
            subject,
            decision,
            rationale: rationale ?? null,
            kind,
            recordedAt,
            position,
          });
          return;
        }
        case "CommentRecorded": {
          const { topic, comment } = event.data;
          insertComment.run({ position, meetingId: meetingOfStream(), topic, comment, recordedAt });
          return;
        }
        case "NextStepAgreed": {
          const { nextStepId, text, ownerId, due } = event.data;
          const meetingId = meetingOfStream();
          insertNextStep.run({ nextStepId, meetingId, text, ownerId: ownerId ?? null, due: due ?? null, recordedAt, position });
          return;
        }
        case "MinutesApproved":
          approveMeeting.run({ meetingId: meetingOfStream(), on: event.data.on });
          return;
        case "MinutesCorrected": {
          const { correction, reason } = event.data;
          insertCorrection.run({ position, meetingId: meetingOfStream(), correction, reason, recordedAt });
          return;
        }
        case "MandateGranted":
        case "MandateAmended":
        case "MandateRenewed":
        case "MandateRevoked":
        case "BudgetApproved":
        case "BudgetAmended": {
          const { decision } = event.data;
          if (decision) {
            const { meetingId, decisionId } = decision;
            insertEffect.run({ position, meetingId, decisionId, streamId: event.streamId, type: event.type, recordedAt });
          }
          return;
        }
        default:
          assertNever(event, "decision-log event");
      }
    };
  },
});
