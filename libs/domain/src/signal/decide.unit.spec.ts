import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { initiativeDecider } from "../initiative/decider.js";
import { initiativeFacts } from "../initiative/facts.js";
import { ClauseNotInMandate, InitiativeClosed, InitiativeNotRegistered, MandateNotFound } from "../initiative/errors.js";
import type { InitiativeEvent } from "../initiative/events.js";
import { fold } from "../shared/decider.js";
import type { FocusArea, GoalId, InitiativeId, MandateId, OrganisationId, TensionId } from "../shared/schema-primitives.js";
import type { SignalCommandOf } from "./commands.js";
import { signalDecider } from "./decider.js";
import {
  FollowUpNotFound,
  MandateAdjustmentNeedsAmendment,
  MandateAdjustmentNeedsMandate,
  SignalAlreadyAnswered,
  SignalAlreadySubmitted,
  SignalNotSubmitted,
  SignalObservedInFuture,
  SignalWithdrawnError,
} from "./errors.js";
import type { SignalEvent, SignalEventOf } from "./events.js";

const spec = deciderSpec(signalDecider);
const initiativeId = "0b7e7d3c-1f0a-4a57-9d3e-6c2a1b4e5f01" as InitiativeId;
const mandateId = "0b7e7d3c-1f0a-4a57-9d3e-6c2a1b4e5f02" as MandateId;
const otherMandateId = "0b7e7d3c-1f0a-4a57-9d3e-6c2a1b4e5f03" as MandateId;
const tensionId = "0b7e7d3c-1f0a-4a57-9d3e-6c2a1b4e5f04" as TensionId;

const initiativeHistory: ReadonlyArray<InitiativeEvent> = [
  {
    type: "InitiativeRegistered",
    data: {
      name: "Läxhjälp i Eskilstuna",
      focusArea: "alla-barn-och-unga-lyckas" as FocusArea,
      description: "",
      organisationIds: ["0b7e7d3c-1f0a-4a57-9d3e-6c2a1b4e5f05" as OrganisationId],
    },
  },
  {
    type: "GoalSet",
    data: { goalId: "0b7e7d3c-1f0a-4a57-9d3e-6c2a1b4e5f06" as GoalId, statement: "Fler elever klarar årskurs 9" },
  },
  {
    type: "MandateGranted",
    data: {
      mandateId,
      scope: [
        { id: "S1", text: "Läxhjälp" },
        { id: "S2", text: "Fritidsgårdar" },
      ],
      boundaries: [{ id: "B1", text: "Inom skoltid" }],
      principles: [],
      steering: "broad",
      validFrom: "2025-01-01",
    },
  },
];
const openInitiative = initiativeFacts(fold(initiativeDecider, initiativeHistory));
const closedInitiative = initiativeFacts(
  fold(initiativeDecider, [
    ...initiativeHistory,
    { type: "InitiativeClosed", data: { reason: "Uppdraget slutfört", on: "2025-06-30" } },
  ]),
);

const submitted: SignalEventOf<"SignalSubmitted"> = {
  type: "SignalSubmitted",
  data: {
    initiativeId,
    kind: "boundary-request",
    summary: "Skolorna vill att vi tar in fritidsgårdarna",
    mandatePosition: "at-edge",
    mandateId,
    observedOn: "2025-02-10",
  },
};
/** The day the signals here are submitted: after every day they were observed on. */
const today = "2025-12-31";
const submit = (initiative = openInitiative, data: Partial<SignalEventOf<"SignalSubmitted">["data"]> = {}) =>
  ({ type: "SubmitSignal", data: { ...submitted.data, ...data, initiative, today } }) as const;

const acknowledged: SignalEvent = { type: "SignalAcknowledged", data: { on: "2025-02-12" } };
const acknowledge = { type: "AcknowledgeSignal", data: { on: "2025-02-12" } } as const;

const answerData = { response: "Vi tar upp det på nästa möte", outcome: "noted" } as const;
const answered: SignalEvent = { type: "SignalAnswered", data: answerData };
/**
 * As the application sends it: `followUpFound` is false unless a follow-up was named and
 * found; `amendmentTriggeredBySignal` is false unless an amendment was cited and found
 * triggered by this signal.
 */
const answer = (
  data: Partial<SignalCommandOf<"AnswerSignal">["data"]> = {},
  followUpFound = false,
  amendmentTriggeredBySignal = false,
): SignalCommandOf<"AnswerSignal"> => ({
  type: "AnswerSignal",
  data: { ...answerData, followUpFound, amendmentTriggeredBySignal, ...data },
});

const withdrawn: SignalEvent = { type: "SignalWithdrawn", data: { reason: "Löst lokalt" } };
const withdraw = { type: "WithdrawSignal", data: { reason: "Löst lokalt" } } as const;

describe("SubmitSignal", () => {
  it("submits a signal for an open initiative", () => spec.given([]).when(submit()).then([submitted]));
  it("submits a signal that names no mandate", () => {
    const { mandateId: _, ...withoutMandate } = submitted.data;
    spec
      .given([])
      .when({ type: "SubmitSignal", data: { ...withoutMandate, initiative: openInitiative, today } })
      .then([{ type: "SignalSubmitted", data: withoutMandate }]);
  });
  it("rejects an initiative that is not registered", () =>
    spec
      .given([])
      .when(submit({ status: "unregistered" }))
      .thenRejects(InitiativeNotRegistered, initiativeId));
  it("rejects a closed initiative", () =>
    spec.given([]).when(submit(closedInitiative)).thenRejects(InitiativeClosed, "Läxhjälp i Eskilstuna", "2025-06-30"));
  it("rejects a mandate that is not the initiative's", () =>
    spec
      .given([])
      .when(submit(openInitiative, { mandateId: otherMandateId }))
      .thenRejects(MandateNotFound, otherMandateId));
  it("rejects submitting twice", () => spec.given([submitted]).when(submit()).thenRejects(SignalAlreadySubmitted));
  it("rejects a signal observed after today (signal-observed-in-future), and takes one observed today", () => {
    spec
      .given([])
      .when(submit(openInitiative, { observedOn: "2026-01-01" }))
      .thenRejects(SignalObservedInFuture, "2026-01-01", today);
    spec
      .given([])
      .when(submit(openInitiative, { observedOn: today }))
      .then([{ type: "SignalSubmitted", data: { ...submitted.data, observedOn: today } }]);
  });

  // clause-not-in-mandate (docs/domain.md "Clauses").
  describe("citing a clause", () => {
    /** The initiative after S2 was reworded from March and removed from April. */
    const amendedInitiative = initiativeFacts(
      fold(initiativeDecider, [
        ...initiativeHistory,
        {
          type: "MandateAmended",
          data: {
            mandateId,
            changes: {
              scope: [
                { id: "S1", text: "Läxhjälp" },
                { id: "S2", text: "Fritidsgårdar och bibliotek" },
              ],
            },
            reason: "Biblioteken ville vara med",
            effectiveFrom: "2025-03-01",
          },
        },
        {
          type: "MandateAmended",
          data: { mandateId, changes: { scope: [{ id: "S1", text: "Läxhjälp" }] }, reason: "Fokus", effectiveFrom: "2025-04-01" },
        },
      ]),
    );
    const citing = (clauseId: string, observedOn: string, data: Partial<SignalEventOf<"SignalSubmitted">["data"]> = {}) =>
      submit(amendedInitiative, { clauseId, observedOn, ...data });

    it("records a clause of the cited mandate in force on observedOn", () =>
      spec
        .given([])
        .when(citing("S2", "2025-03-15"))
        .then([{ type: "SignalSubmitted", data: { ...submitted.data, clauseId: "S2", observedOn: "2025-03-15" } }]));
    it("records a clause of any kind", () =>
      spec
        .given([])
        .when(citing("B1", "2025-04-15"))
        .then([{ type: "SignalSubmitted", data: { ...submitted.data, clauseId: "B1", observedOn: "2025-04-15" } }]));
    it("rejects a clause no longer in force on observedOn, naming the clause, mandate and day", () =>
      spec.given([]).when(citing("S2", "2025-04-01")).thenRejects(ClauseNotInMandate, "S2", mandateId, "2025-04-01"));
    it("rejects a clause of a mandate not in force on observedOn: before it is valid, or from its revocation on", () => {
      spec
        .given([])
        .when(citing("S1", "2024-12-31"))
        .thenRejects(ClauseNotInMandate, "S1", mandateId, "not in force", "2024-12-31");
      const revoked = initiativeFacts(
        fold(initiativeDecider, [
          ...initiativeHistory,
          { type: "MandateRevoked", data: { mandateId, reason: "Omprioritering", effectiveFrom: "2025-02-01" } },
        ]),
      );
      spec
        .given([])
        .when(submit(revoked, { clauseId: "S1", observedOn: "2025-01-31" }))
        .then([{ type: "SignalSubmitted", data: { ...submitted.data, clauseId: "S1", observedOn: "2025-01-31" } }]);
      spec
        .given([])
        .when(submit(revoked, { clauseId: "S1", observedOn: "2025-02-01" }))
        .thenRejects(ClauseNotInMandate, "not in force", "2025-02-01");
    });
    it("rejects a clause the mandate never had", () =>
      spec.given([]).when(citing("P1", "2025-03-15")).thenRejects(ClauseNotInMandate, "P1"));
    it("rejects a clause without the mandate it belongs to", () => {
      const { mandateId: _, ...withoutMandate } = submitted.data;
      spec
        .given([])
        .when({ type: "SubmitSignal", data: { ...withoutMandate, clauseId: "S1", initiative: amendedInitiative, today } })
        .thenRejects(ClauseNotInMandate, "S1", "mandateId");
    });
  });
});

describe("AcknowledgeSignal", () => {
  it("acknowledges a submitted signal", () => spec.given([submitted]).when(acknowledge).then([acknowledged]));
  it("changes nothing when acknowledged again", () => spec.given([submitted, acknowledged]).when(acknowledge).then([]));
  it("changes nothing once answered", () => spec.given([submitted, answered]).when(acknowledge).then([]));
  it("rejects a withdrawn signal", () => spec.given([submitted, withdrawn]).when(acknowledge).thenRejects(SignalWithdrawnError));
  it("needs a submitted signal", () => spec.given([]).when(acknowledge).thenRejects(SignalNotSubmitted));
});

describe("AnswerSignal", () => {
  it("answers a submitted signal", () => spec.given([submitted]).when(answer()).then([answered]));
  it("answers with the adjusted mandate and the amendment it triggered as follow-up", () => {
    const data = { response: "Mandatet utvidgas", outcome: "mandate-adjusted", followUp: { mandateId, amendment: 3 } } as const;
    spec
      .given([submitted, acknowledged])
      .when(answer(data, true, true))
      .then([{ type: "SignalAnswered", data }]);
  });
  it("rejects a mandate adjustment that cites no amendment", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "mandate-adjusted", followUp: { mandateId } }, true))
      .thenRejects(MandateAdjustmentNeedsAmendment, "followUp { mandateId, amendment"));
  it("rejects a mandate adjustment citing an amendment not triggered by this signal", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "mandate-adjusted", followUp: { mandateId, amendment: 3 } }, true, false))
      .thenRejects(MandateAdjustmentNeedsAmendment, "Revision 3", mandateId));
  it("rejects any answer citing an amendment not triggered by this signal", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "noted", followUp: { mandateId, amendment: 3 } }, true, false))
      .thenRejects(MandateAdjustmentNeedsAmendment, "Revision 3"));
  it("notes a signal with the mandate as follow-up without citing an amendment", () => {
    const data = { response: "Mandatet räcker som det är", outcome: "noted", followUp: { mandateId } } as const;
    spec
      .given([submitted])
      .when(answer(data, true))
      .then([{ type: "SignalAnswered", data }]);
  });
  it("checks the follow-up's initiative before the amendment", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "mandate-adjusted", followUp: { mandateId: otherMandateId, amendment: 3 } }, false, true))
      .thenRejects(FollowUpNotFound, otherMandateId));
  it("answers with an escalation to a tension", () => {
    const data = { response: "Lyfts som spänning", outcome: "escalated", followUp: { tensionId } } as const;
    spec
      .given([submitted])
      .when(answer(data, true))
      .then([{ type: "SignalAnswered", data }]);
  });
  it("rejects a mandate adjustment without a follow-up", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "mandate-adjusted" }))
      .thenRejects(MandateAdjustmentNeedsMandate));
  it("rejects a mandate adjustment whose follow-up is a tension", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "mandate-adjusted", followUp: { tensionId } }))
      .thenRejects(MandateAdjustmentNeedsMandate));
  it("rejects a follow-up that does not concern the initiative", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "mandate-adjusted", followUp: { mandateId: otherMandateId } }))
      .thenRejects(FollowUpNotFound, otherMandateId));
  it("rejects an escalation to a tension that does not concern the initiative", () =>
    spec
      .given([submitted])
      .when(answer({ outcome: "escalated", followUp: { tensionId } }))
      .thenRejects(FollowUpNotFound, tensionId));
  it("rejects answering twice", () => spec.given([submitted, answered]).when(answer()).thenRejects(SignalAlreadyAnswered));
  it("rejects a withdrawn signal", () => spec.given([submitted, withdrawn]).when(answer()).thenRejects(SignalWithdrawnError));
  it("needs a submitted signal", () => spec.given([]).when(answer()).thenRejects(SignalNotSubmitted));
  it("needs a submitted signal even when later events came first", () =>
    spec.given([acknowledged, answered]).when(answer()).thenRejects(SignalNotSubmitted));
});

describe("WithdrawSignal", () => {
  it("withdraws a submitted signal", () => spec.given([submitted, acknowledged]).when(withdraw).then([withdrawn]));
  it("rejects an answered signal", () => spec.given([submitted, answered]).when(withdraw).thenRejects(SignalAlreadyAnswered));
  it("rejects withdrawing twice", () => spec.given([submitted, withdrawn]).when(withdraw).thenRejects(SignalWithdrawnError));
  it("needs a submitted signal", () => spec.given([]).when(withdraw).thenRejects(SignalNotSubmitted));
  it("needs a submitted signal even when later events came first", () =>
    spec.given([withdrawn]).when(withdraw).thenRejects(SignalNotSubmitted));
});

// Answering with a follow-up, the application checks that it concerns the signal's initiative,
// which it reads from this fold (libs/application commands/signal).
describe("the signal as the application reads it", () => {
  it("knows its initiative from the submission on", () =>
    expect(fold(signalDecider, [submitted, acknowledged])).toEqual({ status: "submitted", initiativeId, acknowledged: true }));
});
