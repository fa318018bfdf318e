import type { InitiativeOverview } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import type { Signal } from "./types";
import { daysWaiting } from "./waiting";
import { messages } from "./messages";

/** The clause a signal cites, with its text when the mandate in force today is the one it cites. */
export function clauseOf(signal: Signal, initiative: InitiativeOverview | undefined): string | undefined {
  if (signal.clauseId === null) return undefined;
  const mandate = initiative?.mandate;
  const text =
    mandate && mandate.mandateId === signal.mandateId
      ? mandate.clauses.find((clause) => clause.id === signal.clauseId)?.text
      : undefined;
  return text ? `${signal.clauseId}: ${text}` : signal.clauseId;
}

/**
 * What the Core Team needs to see of a signal before answering it: its initiative, kind, where
 * it falls in the mandate and on which clause, when it was observed, how long it has waited,
 * and whether its receipt is acknowledged. `full` adds the detail.
 */
export function SignalFacts({
  signal,
  initiative,
  initiativeName,
  full = false,
}: {
  signal: Signal;
  initiative: InitiativeOverview | undefined;
  initiativeName: string;
  full?: boolean;
}) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  const days = daysWaiting(signal.submittedAt);
  return (
    <dl className="facts signal-facts">
      <dt>{m.initiative}</dt>
      <dd>{initiativeName}</dd>
      <dt>{m.kind}</dt>
      <dd>{t.kind[signal.kind] ?? signal.kind}</dd>
      <dt>{m.position}</dt>
      <dd>{t.mandatePosition[signal.mandatePosition]}</dd>
      <dt>{m.clause}</dt>
      <dd>{clauseOf(signal, initiative) ?? m.noClause}</dd>
      {full && (
        <>
          <dt>{m.detail}</dt>
          <dd>{signal.detail ?? m.noDetail}</dd>
        </>
      )}
      <dt>{m.observedOn}</dt>
      <dd>{formatDate(signal.observedOn, language)}</dd>
      <dt>{m.waiting}</dt>
      <dd>{m.waitingDays(formatDate(signal.submittedAt, language), days)}</dd>
      <dt>{m.received}</dt>
      <dd>{signal.acknowledgedOn ? m.acknowledgedOn(formatDate(signal.acknowledgedOn, language)) : m.notAcknowledged}</dd>
    </dl>
  );
}
