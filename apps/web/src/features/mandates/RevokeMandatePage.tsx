import { RevokeMandateInput } from "#application/inputs";
import { Button, Form, Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, Mandate, Me, WriteAnswer } from "../../api/types";
import { ErrorSummary } from "../../components/ErrorSummary";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate, paths } from "../../router";
import { DecisionChoice, decisionOf } from "./DecisionChoice";
import { MandatePage, initiativeAfter } from "./MandatePage";
import { messages } from "./messages";
import "./mandates.css";

/** The body of a revocation: the command's input without the initiative and mandate, which are in the path. */
const RevocationBody = RevokeMandateInput.omit({ initiativeId: true, mandateId: true });

interface Draft extends Record<string, string> {
  reason: string;
  effectiveFrom: string;
  decision: string;
}

function RevokeForm({ initiative, mandate }: { initiative: InitiativeOverview; mandate: Mandate }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const { draft, set, errors, summary, sending, submit } = useCommandForm<Draft, z.output<typeof RevocationBody>, WriteAnswer>({
    initial: { reason: "", effectiveFrom: todayInStockholm(), decision: "" },
    schema: RevocationBody,
    toInput: (draft) => {
      const decision = decisionOf(draft.decision);
      return { reason: draft.reason, effectiveFrom: draft.effectiveFrom, ...(decision ? { decision } : {}) };
    },
    send: (input) =>
      write<WriteAnswer>(
        `/api/v1/initiatives/${encodeURIComponent(initiative.id)}/mandates/${encodeURIComponent(mandate.mandateId)}/revocation`,
        input,
        language,
      ),
    onDone: () => navigate(initiativeAfter(initiative.id, "revoke")),
    missing: m.missing,
    fieldOfRule: {
      "/problems/effective-date-outside-validity": "effectiveFrom",
      "/problems/decision-not-found": "decision",
    },
    forbidden: m.forbidden,
  });
  return (
    <>
      <p>
        {m.currentValidity(
          formatDate(mandate.validFrom, language),
          mandate.validUntil ? formatDate(mandate.validUntil, language) : null,
        )}
      </p>
      <ErrorSummary items={summary} title={m.notDone.revoke} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" className="form">
        <TextInputField
          id="reason"
          label={m.reason}
          value={draft.reason}
          onChange={set("reason")}
          error={errors.reason}
          multiline
          personalDataNote
        />
        <TextInputField
          id="effectiveFrom"
          label={m.revokedFrom}
          value={draft.effectiveFrom}
          onChange={set("effectiveFrom")}
          error={errors.effectiveFrom}
          type="date"
        />
        <DecisionChoice value={draft.decision} onChange={set("decision")} error={errors.decision} />
        <div className="actions">
          <Button type="submit" className="button" isDisabled={sending}>
            {sending ? m.sending : m.send.revoke}
          </Button>
          <Link href={paths.initiative(initiative.id)}>{m.backToInitiative}</Link>
        </div>
      </Form>
    </>
  );
}

/** /initiativ/{id}/mandat/aterkallelse: the Core Team ends the mandate in force early. */
export function RevokeMandatePage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  return (
    <MandatePage me={me} initiativeId={initiativeId} action="revoke">
      {(initiative, mandate) => <RevokeForm initiative={initiative} mandate={mandate!} />}
    </MandatePage>
  );
}
