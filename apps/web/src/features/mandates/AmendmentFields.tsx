import type { Mandate } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { TextInputField } from "../../components/TextInputField";
import { useMessages } from "../../i18n/define-messages";
import type { AmendmentDraft, AmendmentValues } from "./amendment-draft";
import { ChangeSummary } from "./ChangeSummary";
import { ClauseListEditor } from "./ClauseListEditor";
import { TERMS, idsOf } from "./clause-draft";
import { DecisionChoice } from "./DecisionChoice";
import { messages } from "./messages";

export const STEERINGS = ["broad", "detailed"] as const;

/**
 * The fields of an amendment: the terms in force to reword, remove or add to, the steering,
 * the budget, the reason, the day it takes effect and the decision it rests on, with a short
 * summary of what changes. Used by the amendment page and by the answer to a signal.
 */
export function AmendmentFields({
  mandate,
  draft,
  update,
  errorOf,
}: {
  mandate: Mandate;
  draft: AmendmentDraft;
  update: (patch: Partial<AmendmentValues>) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const m = useMessages(messages);
  return (
    <>
      {TERMS.map((term) => (
        <ClauseListEditor
          key={term}
          term={term}
          texts={draft[term]}
          ids={draft[idsOf(term)]}
          onChange={(texts, ids) => update({ [term]: texts, [idsOf(term)]: ids })}
          error={errorOf(term)}
          numberedInOrder={false}
        />
      ))}
      <ChoiceField
        id="steering"
        label={m.steering}
        value={draft.steering}
        onChange={(steering) => update({ steering })}
        options={STEERINGS.map((steering) => ({ value: steering, label: m.steeringOption[steering]! }))}
        error={errorOf("steering")}
      />
      <TextInputField
        id="budgetSek"
        label={m.budget}
        value={draft.budgetSek}
        onChange={(budgetSek) => update({ budgetSek })}
        error={errorOf("budgetSek")}
      />
      <TextInputField
        id="reason"
        label={m.reason}
        value={draft.reason}
        onChange={(reason) => update({ reason })}
        error={errorOf("reason")}
        multiline
        personalDataNote
      />
      <TextInputField
        id="effectiveFrom"
        label={m.effectiveFrom}
        value={draft.effectiveFrom}
        onChange={(effectiveFrom) => update({ effectiveFrom })}
        error={errorOf("effectiveFrom")}
        type="date"
      />
      <DecisionChoice value={draft.decision} onChange={(decision) => update({ decision })} error={errorOf("decision")} />
      <ChangeSummary mandate={mandate} draft={draft} />
    </>
  );
}
