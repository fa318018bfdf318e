import { RenewMandateInput } from "#application/inputs";
import { Button, Form, Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, Mandate, Me, WriteAnswer } from "../../api/types";
import { ErrorSummary } from "../../components/ErrorSummary";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate, paths } from "../../router";
import { DecisionChoice, decisionOf } from "./DecisionChoice";
import { MandatePage, initiativeAfter } from "./MandatePage";
import { messages } from "./messages";
import "./mandates.css";

/** The body of a renewal: the command's input without the initiative and mandate, which are in the path. */
const RenewalBody = RenewMandateInput.omit({ initiativeId: true, mandateId: true });

interface Draft extends Record<string, string> {
  validUntil: string;
  decision: string;
}

function RenewForm({ initiative, mandate }: { initiative: InitiativeOverview; mandate: Mandate }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const { draft, set, errors, summary, sending, submit } = useCommandForm<Draft, z.output<typeof RenewalBody>, WriteAnswer>({
    initial: { validUntil: "", decision: "" },
    schema: RenewalBody,
    toInput: (draft) => {
      const decision = decisionOf(draft.decision);
      return { validUntil: draft.validUntil, ...(decision ? { decision } : {}) };
    },
    send: (input) =>
      write<WriteAnswer>(
        `/api/v1/initiatives/${encodeURIComponent(initiative.id)}/mandates/${encodeURIComponent(mandate.mandateId)}/renewal`,
        input,
        language,
      ),
    onDone: () => navigate(initiativeAfter(initiative.id, "renew")),
    missing: m.missing,
    fieldOfRule: {
      "/problems/renewal-not-later": "validUntil",
      "/problems/mandates-overlap": "validUntil",
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
      <ErrorSummary items={summary} title={m.notDone.renew} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" className="form">
        <TextInputField
          id="validUntil"
          label={m.validUntilNew}
          value={draft.validUntil}
          onChange={set("validUntil")}
          error={errors.validUntil}
          type="date"
        />
        <DecisionChoice value={draft.decision} onChange={set("decision")} error={errors.decision} />
        <div className="actions">
          <Button type="submit" className="button" isDisabled={sending}>
            {sending ? m.sending : m.send.renew}
          </Button>
          <Link href={paths.initiative(initiative.id)}>{m.backToInitiative}</Link>
        </div>
      </Form>
    </>
  );
}

/** /initiativ/{id}/mandat/fornyelse: the Core Team moves the end of the mandate in force later. */
export function RenewMandatePage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  return (
    <MandatePage me={me} initiativeId={initiativeId} action="renew">
      {(initiative, mandate) => <RenewForm initiative={initiative} mandate={mandate!} />}
    </MandatePage>
  );
}
