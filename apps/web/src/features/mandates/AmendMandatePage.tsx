import { AmendMandateInput } from "#application/inputs";
import { Button, Form, Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, Mandate, Me, WriteAnswer } from "../../api/types";
import { ErrorSummary } from "../../components/ErrorSummary";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { navigate, paths } from "../../router";
import { AmendmentFields } from "./AmendmentFields";
import {
  AMENDMENT_RULE_FIELDS,
  type AmendmentDraft,
  amendmentBody,
  amendmentChecks,
  amendmentFieldOf,
  initialAmendment,
} from "./amendment-draft";
import { MandatePage, initiativeAfter } from "./MandatePage";
import { messages } from "./messages";
import { useLocalChecks } from "./use-local-checks";
import "./mandates.css";

/** The body of an amendment: the command's input without the initiative and mandate, which are in the path. */
export const AmendmentBody = AmendMandateInput.omit({ initiativeId: true, mandateId: true });

/** The path an amendment of the mandate is sent to. */
export const amendmentPath = (initiativeId: string, mandateId: string): string =>
  `/api/v1/initiatives/${encodeURIComponent(initiativeId)}/mandates/${encodeURIComponent(mandateId)}/amendments`;

function AmendForm({ initiative, mandate }: { initiative: InitiativeOverview; mandate: Mandate }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const form = useCommandForm<AmendmentDraft, z.output<typeof AmendmentBody>, WriteAnswer>({
    initial: initialAmendment(mandate),
    schema: AmendmentBody,
    toInput: (draft) => amendmentBody(mandate, draft),
    send: (input) => write<WriteAnswer>(amendmentPath(initiative.id, mandate.mandateId), input, language),
    onDone: () => navigate(initiativeAfter(initiative.id, "amend")),
    missing: m.missing,
    fieldOf: amendmentFieldOf,
    fieldOfRule: AMENDMENT_RULE_FIELDS,
    forbidden: m.forbidden,
  });
  const { onSubmit, summary, errorOf } = useLocalChecks((draft) => amendmentChecks(mandate, draft, m), form);
  return (
    <>
      <ErrorSummary items={summary} title={m.notDone.amend} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <AmendmentFields
          mandate={mandate}
          draft={form.draft}
          update={(patch) => form.setDraft((current) => ({ ...current, ...patch }))}
          errorOf={errorOf}
        />
        <div className="actions">
          <Button type="submit" className="button" isDisabled={form.sending}>
            {form.sending ? m.sending : m.send.amend}
          </Button>
          <Link href={paths.initiative(initiative.id)}>{m.backToInitiative}</Link>
        </div>
      </Form>
    </>
  );
}

/**
 * /initiativ/{id}/mandat/andring: the Core Team amends the mandate in force. The form starts
 * from the clauses in force, each keeping its id when reworded.
 */
export function AmendMandatePage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  return (
    <MandatePage me={me} initiativeId={initiativeId} action="amend">
      {(initiative, mandate) => <AmendForm initiative={initiative} mandate={mandate!} />}
    </MandatePage>
  );
}
