import { GrantMandateInput } from "#application/inputs";
import { Button, Form, Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, Me, WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { ErrorSummary } from "../../components/ErrorSummary";
import { TextInputField } from "../../components/TextInputField";
import { type DraftValue, useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate, paths } from "../../router";
import { STEERINGS } from "./AmendmentFields";
import { budgetOf } from "./amendment-draft";
import { ClauseListEditor } from "./ClauseListEditor";
import { type ClauseLists, TERMS, idsOf, noClauses } from "./clause-draft";
import { DecisionChoice, decisionOf } from "./DecisionChoice";
import { MandatePage, initiativeAfter } from "./MandatePage";
import { messages } from "./messages";
import { useLocalChecks } from "./use-local-checks";
import "./mandates.css";

/** The body of a grant: the command's input without the initiative, which is in the path. */
const GrantBody = GrantMandateInput.omit({ initiativeId: true });

interface Draft extends ClauseLists, Record<string, DraftValue> {
  steering: string;
  validFrom: string;
  validUntil: string;
  budgetSek: string;
  decision: string;
}

function GrantForm({ initiative }: { initiative: InitiativeOverview }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const form = useCommandForm<Draft, z.output<typeof GrantBody>, WriteAnswer>({
    initial: { ...noClauses, steering: "", validFrom: todayInStockholm(), validUntil: "", budgetSek: "", decision: "" },
    schema: GrantBody,
    toInput: (draft) => {
      const budget = budgetOf(draft.budgetSek);
      const decision = decisionOf(draft.decision);
      return {
        scope: draft.scope,
        boundaries: draft.boundaries,
        principles: draft.principles,
        steering: draft.steering || undefined,
        validFrom: draft.validFrom,
        ...(draft.validUntil === "" ? {} : { validUntil: draft.validUntil }),
        ...(typeof budget === "number" ? { budgetSek: budget } : {}),
        ...(decision ? { decision } : {}),
      };
    },
    send: (input) => write<WriteAnswer>(`/api/v1/initiatives/${encodeURIComponent(initiative.id)}/mandates`, input, language),
    onDone: () => navigate(initiativeAfter(initiative.id, "grant")),
    missing: m.missing,
    fieldOfRule: {
      "/problems/mandates-overlap": "validFrom",
      "/problems/mandate-validity-invalid": "validUntil",
      "/problems/decision-not-found": "decision",
      "/problems/clause-not-in-mandate": "scope",
    },
    forbidden: m.forbidden,
  });
  const { draft, set, setDraft, sending } = form;
  const { onSubmit, summary, errorOf } = useLocalChecks(
    (pressed) => (budgetOf(pressed.budgetSek) === "not-a-number" ? [{ fieldId: "budgetSek", message: m.budgetNotANumber }] : []),
    form,
  );

  return (
    <>
      <ErrorSummary items={summary} title={m.notDone.grant} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        {TERMS.map((term) => (
          <ClauseListEditor
            key={term}
            term={term}
            texts={draft[term]}
            ids={draft[idsOf(term)]}
            onChange={(texts, ids) => setDraft((current) => ({ ...current, [term]: texts, [idsOf(term)]: ids }))}
            error={errorOf(term)}
            numberedInOrder
          />
        ))}
        <ChoiceField
          id="steering"
          label={m.steering}
          value={draft.steering}
          onChange={set("steering")}
          options={STEERINGS.map((steering) => ({ value: steering, label: m.steeringOption[steering]! }))}
          error={errorOf("steering")}
        />
        <TextInputField
          id="validFrom"
          label={m.validFrom}
          value={draft.validFrom}
          onChange={set("validFrom")}
          error={errorOf("validFrom")}
          type="date"
        />
        <TextInputField
          id="validUntil"
          label={m.validUntilOptional}
          value={draft.validUntil}
          onChange={set("validUntil")}
          error={errorOf("validUntil")}
          type="date"
        />
        <TextInputField
          id="budgetSek"
          label={m.budgetOptional}
          value={draft.budgetSek}
          onChange={set("budgetSek")}
          error={errorOf("budgetSek")}
        />
        <DecisionChoice value={draft.decision} onChange={set("decision")} error={errorOf("decision")} />
        <div className="actions">
          <Button type="submit" className="button" isDisabled={sending}>
            {sending ? m.sending : m.send.grant}
          </Button>
          <Link href={paths.initiative(initiative.id)}>{m.backToInitiative}</Link>
        </div>
      </Form>
    </>
  );
}

/** /initiativ/{id}/mandat/nytt: the Core Team grants the initiative a mandate, with its clauses. */
export function GrantMandatePage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  return (
    <MandatePage me={me} initiativeId={initiativeId} action="grant">
      {(initiative) => <GrantForm initiative={initiative} />}
    </MandatePage>
  );
}
