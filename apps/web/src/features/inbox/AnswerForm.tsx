import { AnswerSignalInput } from "#application/inputs";
import { useState } from "react";
import { Button, Form, Link } from "react-aria-components";
import { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { ErrorSummary } from "../../components/ErrorSummary";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { SENT_PARAMETER, navigate, paths } from "../../router";
import { AmendmentBody, amendmentPath } from "../mandates/AmendMandatePage";
import { AmendmentFields } from "../mandates/AmendmentFields";
import {
  AMENDMENT_FIELDS,
  AMENDMENT_RULE_FIELDS,
  type AmendmentDraft,
  amendmentBody,
  amendmentChecks,
  initialAmendment,
} from "../mandates/amendment-draft";
import { noClauses } from "../mandates/clause-draft";
import { messages as mandateMessages } from "../mandates/messages";
import { useLocalChecks } from "../mandates/use-local-checks";
import { idempotencyKey } from "./idempotency-key";
import { type KeptAmendment, keepAmendment, readKeptAmendment } from "./kept-amendment";
import { messages } from "./messages";

const OUTCOMES = ["noted", "mandate-adjusted", "escalated", "declined"] as const;

/** The answer's body: the command's input without the signal, which is in the path. */
const AnswerBody = AnswerSignalInput.omit({ signalId: true });

/**
 * What one press sends, checked with the API's own schemas: the answer, and with "the mandate
 * is adjusted" the amendment made first (unless it already went in).
 */
const AnswerFlow = z.object({ answer: AnswerBody, amendment: AmendmentBody.optional() });

interface Draft extends AmendmentDraft {
  response: string;
  outcome: string;
}

const ANSWER_FIELDS = ["response", "outcome", ...AMENDMENT_FIELDS] as const;

/** `answer.response`, `body.response`, `amendment.changes.scope.1`, `body.changes.scope` → the field. */
const fieldOf = (path: string): keyof Draft | undefined => {
  const name =
    path
      .replace(/^(body\.|answer\.|amendment\.)+/, "")
      .replace(/^changes\./, "")
      .split(".")[0] ?? "";
  return (ANSWER_FIELDS as ReadonlyArray<string>).includes(name) ? name : undefined;
};

/**
 * The Core Team's answer to a signal, in one flow: with "the mandate is adjusted" the
 * amendment's fields open here, and one press first amends the mandate (triggered by the
 * signal), then sends the answer citing the amendment's revision. Each write carries an
 * Idempotency-Key of its body, so a press again never amends twice; when the amendment went
 * in but the answer did not, the page says so and keeps the revision, and the next press
 * sends only the answer.
 */
export function AnswerForm({ signalId, initiative }: { signalId: string; initiative: InitiativeOverview }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const mm = useMessages(mandateMessages);
  const mandate = initiative.mandate;
  const [kept, setKept] = useState<KeptAmendment | undefined>(() => readKeptAmendment(signalId));
  const form = useCommandForm<Draft, z.output<typeof AnswerFlow>, WriteAnswer>({
    initial: {
      ...(mandate
        ? initialAmendment(mandate)
        : { ...noClauses, steering: "", budgetSek: "", reason: "", effectiveFrom: "", decision: "" }),
      response: "",
      outcome: "",
    },
    schema: AnswerFlow,
    toInput: (draft) => ({
      answer: { response: draft.response, outcome: draft.outcome || undefined },
      ...(draft.outcome === "mandate-adjusted" && mandate && !kept
        ? { amendment: amendmentBody(mandate, draft, { signalId }) }
        : {}),
    }),
    send: async ({ answer, amendment }) => {
      let cited = kept;
      if (amendment && mandate && !cited) {
        const written = await write<WriteAnswer>(amendmentPath(initiative.id, mandate.mandateId), amendment, language, {
          idempotencyKey: idempotencyKey(`amendment-for-${signalId}`, amendment),
        });
        cited = { mandateId: mandate.mandateId, revision: written.revision };
        keepAmendment(signalId, cited);
        setKept(cited);
      }
      const body = {
        ...answer,
        ...(answer.outcome === "mandate-adjusted" && cited
          ? { followUp: { mandateId: cited.mandateId, amendment: cited.revision } }
          : {}),
      };
      return write<WriteAnswer>(`/api/v1/signals/${encodeURIComponent(signalId)}/answer`, body, language, {
        idempotencyKey: idempotencyKey(`answer-${signalId}`, body),
      });
    },
    onDone: () => {
      keepAmendment(signalId, undefined);
      navigate(`${paths.inbox}?${SENT_PARAMETER}`);
    },
    missing: m.missing,
    fieldOf,
    fieldOfRule: {
      ...AMENDMENT_RULE_FIELDS,
      "/problems/mandate-adjustment-needs-mandate": "outcome",
      "/problems/mandate-adjustment-needs-amendment": "outcome",
    },
    forbidden: m.forbidden,
  });
  const adjusting = form.draft.outcome === "mandate-adjusted";
  const { onSubmit, summary, errorOf } = useLocalChecks((draft) => {
    if (draft.outcome !== "mandate-adjusted" || kept) return [];
    // Said here in plain words: the API's refusal names a follow-up the person cannot give.
    return mandate ? amendmentChecks(mandate, draft, mm) : [{ fieldId: "outcome", message: m.chooseAnotherOutcome }];
  }, form);

  return (
    <section aria-labelledby="answer-form" className="answer-form">
      <h2 id="answer-form">{m.answerForm}</h2>
      {kept && (
        <p role="status" className="note kept-amendment">
          {m.amendmentKept(kept.revision)}
        </p>
      )}
      <ErrorSummary items={summary} title={m.notSent} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextInputField
          id="response"
          label={m.response}
          value={form.draft.response}
          onChange={form.set("response")}
          error={errorOf("response")}
          multiline
          personalDataNote
        />
        <ChoiceField
          id="outcome"
          label={m.outcome}
          value={form.draft.outcome}
          onChange={form.set("outcome")}
          options={OUTCOMES.map((outcome) => ({ value: outcome, label: m.outcomes[outcome]! }))}
          error={errorOf("outcome")}
        />
        {adjusting && !kept && (
          <section aria-labelledby="amendment" className="amendment">
            <h2 id="amendment">{m.amendmentTitle}</h2>
            {mandate ? (
              <>
                <p>{m.amendmentIntro}</p>
                <AmendmentFields
                  mandate={mandate}
                  draft={form.draft}
                  update={(patch) => form.setDraft((current) => ({ ...current, ...patch }))}
                  errorOf={errorOf}
                />
              </>
            ) : (
              <p>{m.noMandateToAdjust}</p>
            )}
          </section>
        )}
        <div className="actions">
          <Button type="submit" className="button" isDisabled={form.sending}>
            {form.sending ? m.sending : adjusting && mandate && !kept ? m.sendWithAmendment : m.send}
          </Button>
          <Link href={paths.inbox}>{m.backToInbox}</Link>
        </div>
      </Form>
    </section>
  );
}
