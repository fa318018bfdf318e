import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
import { decisionLogTables } from "./tables.js";

const minutesEvents = [
  "MeetingPlanned",
  "MeetingHeld",
  "MeetingOfficersAppointed",
  "DecisionRecorded",
  "CommentRecorded",
  "NextStepAgreed",
  "NextStepCompleted",
  "NextStepDropped",
  "DelegationDecisionsReported",
  "MinutesAdjusted",
  "MinutesApproved",
  "MinutesCorrected",
  "RegistrationNumberAssigned",
] as const;

/**
 * Events of other streams that carry a `decision: { meetingId, decisionId }` reference; the
 * ones recorded without it are delegation decisions (taken between meetings).
 */
const decisionCitingEvents = [
  "MandateGranted",
  "MandateAmended",
  "MandateRenewed",
  "MandateRevoked",
  "BudgetApproved",
  "BudgetAmended",
] as const;

const sealJson = (seal: object | undefined): string | null => (seal === undefined ? null : JSON.stringify(seal));

export const decisionLogProjection = defineProjection({
  name: "decision-log",
  // 2: decision_effects looked up by meeting, for the decision log over a range of dates.
  // 3: planned meetings, officers, adjustments, § of decisions, next steps closed, delegation decisions and their reports.
  // 4: registration numbers.
  // 5: the seal of the log an approval or adjustment carries.
  version: 5,
  tables: decisionLogTables,
  handles: [...minutesEvents, ...decisionCitingEvents],
  bind: (db, tables) => {
    const insertMeeting = db.prepare(
      `INSERT INTO ${tables.meetings} (meeting_id, body, focus_area, planned_on, held_on, attendees, absentees, agenda, recorded_at, held_recorded_at)
       VALUES (@meetingId, @body, @focusArea, @plannedOn, @heldOn, @attendees, @absentees, @agenda, @recordedAt, @heldRecordedAt)`,
    );
    // A planned meeting keeps its agenda items (with the open items they came from): the decider held it with their titles.
    const holdPlannedMeeting = db.prepare(
      `UPDATE ${tables.meetings} SET held_on = @heldOn, attendees = @attendees, absentees = @absentees, held_recorded_at = @recordedAt
       WHERE meeting_id = @meetingId`,
    );
    const approveMeeting = db.prepare(
      `UPDATE ${tables.meetings} SET approved_on = @on, approved_recorded_at = @recordedAt, approved_seal = @seal WHERE meeting_id = @meetingId`,
    );
    const insertOfficers = db.prepare(
      `INSERT INTO ${tables.meeting_officers} (position, meeting_id, chair_id, secretary_id, adjuster_ids, recorded_at)
       VALUES (@position, @meetingId, @chairId, @secretaryId, @adjusterIds, @recordedAt)`,
    );
    const insertAdjustment = db.prepare(
      `INSERT INTO ${tables.meeting_adjustments} (position, meeting_id, adjuster_id, adjusted_on, seal, recorded_at)
       VALUES (@position, @meetingId, @adjusterId, @on, @seal, @recordedAt)`,
    );
    const insertDecision = db.prepare(
      `INSERT INTO ${tables.meeting_decisions} (decision_id, meeting_id, subject, decision, rationale, kind, paragraph, recorded_at, position)
       VALUES (@decisionId, @meetingId, @subject, @decision, @rationale, @kind, @paragraph, @recordedAt, @position)`,
    );
    const insertComment = db.prepare(
      `INSERT INTO ${tables.meeting_comments} (position, meeting_id, topic, comment, recorded_at)
       VALUES (@position, @meetingId, @topic, @comment, @recordedAt)`,
    );
    const insertNextStep = db.prepare(
      `INSERT INTO ${tables.meeting_next_steps} (next_step_id, meeting_id, text, owner_id, due, recorded_at, position)
       VALUES (@nextStepId, @meetingId, @text, @ownerId, @due, @recordedAt, @position)`,
    );
    const closeNextStep = db.prepare(
      `UPDATE ${tables.meeting_next_steps}
       SET closed_as = @closedAs, closed_on = @on, closed_reason = @reason, closed_recorded_at = @recordedAt
       WHERE next_step_id = @nextStepId`,
    );
    const insertCorrection = db.prepare(
      `INSERT INTO ${tables.meeting_corrections} (position, meeting_id, correction, reason, recorded_at)
       VALUES (@position, @meetingId, @correction, @reason, @recordedAt)`,
    );
    const insertEffect = db.prepare(
      insertSql(tables.decision_effects, ["position", "meeting_id", "decision_id", "stream_id", "type", "recorded_at"]),
    );
    const insertDelegationDecision = db.prepare(
      insertSql(tables.delegation_decisions, [
        "initiative_id",
        "revision",
        "type",
        "mandate_id",
        "effective_from",
        "reason",
        "actor_id",
        "recorded_at",
        "position",
      ]),
    );
    const insertDelegationReport = db.prepare(
      `INSERT INTO ${tables.delegation_reports} (position, item, meeting_id, initiative_id, revision, recorded_at)
       VALUES (@position, @item, @meetingId, @initiativeId, @revision, @recordedAt)`,
    );
    const insertRegistrationNumber = db.prepare(
      `INSERT INTO ${tables.registration_numbers} (position, meeting_id, decision_id, number, recorded_at)
       VALUES (@position, @meetingId, @decisionId, @number, @recordedAt)`,
    );

    return (event) => {
      const { position, recordedAt } = event;
      // Minutes events live in the meeting's stream; the citing ones name their meeting in `decision`.
      const meetingOfStream = () => streamEntityId(event, "meeting");
      switch (event.type) {
        case "MeetingPlanned": {
          const { body, focusArea, plannedOn, agenda } = event.data;
          insertMeeting.run({
            meetingId: meetingOfStream(),
            body,
            focusArea,
            plannedOn,
            heldOn: null,
            attendees: "[]",
            absentees: "[]",
            agenda: JSON.stringify(agenda.map(({ title, source }) => ({ title, source: source ?? null }))),
            recordedAt,
            heldRecordedAt: null,
          });
          return;
        }
        case "MeetingHeld": {
          const { body, focusArea, heldOn, attendees, absentees, agenda } = event.data;
          const held = {
            meetingId: meetingOfStream(),
            heldOn,
            attendees: JSON.stringify(attendees),
            absentees: JSON.stringify(absentees),
            recordedAt,
          };
          // A stream starts with MeetingPlanned or MeetingHeld: held after a plan updates the plan's row.
          if (event.revision > 0) {
            holdPlannedMeeting.run(held);
            return;
          }
          insertMeeting.run({
            ...held,
            body,
            focusArea,
            plannedOn: null,
            agenda: JSON.stringify(agenda.map((title) => ({ title, source: null }))),
            heldRecordedAt: recordedAt,
          });
          return;
        }
        case "MeetingOfficersAppointed": {
          const { chairId, secretaryId, adjusterIds } = event.data;
          const meetingId = meetingOfStream();
          insertOfficers.run({ position, meetingId, chairId, secretaryId, adjusterIds: JSON.stringify(adjusterIds), recordedAt });
          return;
        }
        case "MinutesAdjusted": {
          const { adjusterId, on, seal } = event.data;
          insertAdjustment.run({ position, meetingId: meetingOfStream(), adjusterId, on, seal: sealJson(seal), recordedAt });
          return;
        }
        case "DecisionRecorded": {
          const { decisionId, subject, decision, rationale, kind, paragraph } = event.data;
          const meetingId = meetingOfStream();
          insertDecision.run({
            decisionId,
            meetingId,
            subject,
            decision,
            rationale: rationale ?? null,
            kind,
            paragraph: paragraph ?? null,
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
        case "NextStepCompleted": {
          const { nextStepId, on } = event.data;
          closeNextStep.run({ nextStepId, closedAs: "done", on, reason: null, recordedAt });
          return;
        }
        case "NextStepDropped": {
          const { nextStepId, on, reason } = event.data;
          closeNextStep.run({ nextStepId, closedAs: "dropped", on, reason, recordedAt });
          return;
        }
        case "DelegationDecisionsReported": {
          const meetingId = meetingOfStream();
          event.data.decisions.forEach(({ initiativeId, revision }, item) =>
            insertDelegationReport.run({ position, item, meetingId, initiativeId, revision, recordedAt }),
          );
          return;
        }
        case "MinutesApproved":
          approveMeeting.run({ meetingId: meetingOfStream(), on: event.data.on, seal: sealJson(event.data.seal), recordedAt });
          return;
        case "MinutesCorrected": {
          const { correction, reason } = event.data;
          insertCorrection.run({ position, meetingId: meetingOfStream(), correction, reason, recordedAt });
          return;
        }
        case "RegistrationNumberAssigned": {
          const { subject, number } = event.data;
          const decisionId = "decisionId" in subject ? subject.decisionId : null;
          insertRegistrationNumber.run({ position, meetingId: subject.meetingId, decisionId, number, recordedAt });
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
            insertEffect.run(position, meetingId, decisionId, event.streamId, event.type, recordedAt);
            return;
          }
          if (event.type === "BudgetApproved" || event.type === "BudgetAmended") return;
          const data = event.data;
          insertDelegationDecision.run(
            streamEntityId(event, "initiative"),
            event.revision,
            event.type,
            data.mandateId,
            "validFrom" in data ? data.validFrom : "effectiveFrom" in data ? data.effectiveFrom : null,
            "reason" in data ? data.reason : null,
            event.metadata.actor.id,
            recordedAt,
            position,
          );
          return;
        }
        default:
          assertNever(event, "decision-log event");
      }
    };
  },
});
