import { useApiQuery } from "../../api/queries";
import { ChoiceField } from "../../components/ChoiceField";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";

/** A decision of the decision log (GET /api/v1/decisions), the fields the choice shows. */
interface LoggedDecision {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly heldOn: string;
  readonly paragraph: number | null;
  readonly subject: string;
  readonly kind: "budget" | "mandate" | "other";
}

/** The choice's value for a decision: both its ids, which `decisionOf` reads back. */
const valueOf = (decision: LoggedDecision): string => `${decision.meetingId} ${decision.decisionId}`;

/** The `decision` a mandate command cites (`{ meetingId, decisionId }`), or none for "" (a delegated decision). */
export function decisionOf(value: string): { meetingId: string; decisionId: string } | undefined {
  const [meetingId, decisionId] = value.split(" ");
  return meetingId && decisionId ? { meetingId, decisionId } : undefined;
}

/** Mandate decisions first, then the rest; the latest meeting first within each. */
const byKindThenLatest = (a: LoggedDecision, b: LoggedDecision): number =>
  Number(b.kind === "mandate") - Number(a.kind === "mandate") || b.heldOn.localeCompare(a.heldOn);

/**
 * Which meeting decision a change of mandate rests on, from the decision log, or none: then
 * it is a delegated decision, which the next meeting is told of.
 */
export function DecisionChoice({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const decisions = useApiQuery<LoggedDecision[]>("/api/v1/decisions");
  return (
    <QueryState query={decisions}>
      {(list) => (
        <ChoiceField
          id="decision"
          label={m.decision}
          value={value}
          onChange={onChange}
          error={error}
          options={[
            { value: "", label: m.noDecision },
            ...[...list].sort(byKindThenLatest).map((decision) => ({
              value: valueOf(decision),
              label: m.decisionLabel(formatDate(decision.heldOn, language), decision.paragraph, decision.subject),
            })),
          ]}
        />
      )}
    </QueryState>
  );
}
