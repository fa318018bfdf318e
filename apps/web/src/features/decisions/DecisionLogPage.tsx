import { type FormEvent, useState } from "react";
import { Button, FieldError, Input, Label, Link, Text, TextField } from "react-aria-components";
import { useApiQuery } from "../../api/queries";
import type { Me } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate, paths, usePath, useSearch } from "../../router";
import { PastBanner } from "../../time-travel/PastBanner";
import { TimeControls } from "../../time-travel/TimeControls";
import { PERIOD_PARAMETERS, parseDate } from "../../time-travel/time";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { messages } from "./messages";
import "./decisions.css";

/** GET /api/v1/decisions: one decision of the log, the fields this page shows. */
interface LoggedDecision {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly heldOn: string;
  readonly paragraph: number | null;
  readonly subject: string;
  readonly decision: string;
  readonly kind: string;
  readonly registrationNumber: string | null;
}

/** The period, kept in the address beside the time machine's: `?fran=2024-10-01&till=2024-12-31`. */
const [FROM_PARAMETER, TO_PARAMETER] = PERIOD_PARAMETERS;

/** The earlier of two dates (`YYYY-MM-DD` sorts as text), either possibly absent. */
const earlier = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a < b ? a : b);

/** The decisions grouped by their meeting, in the log's order (by meeting date, then §). */
function byMeeting(
  decisions: ReadonlyArray<LoggedDecision>,
): Array<{ meetingId: string; heldOn: string; decisions: LoggedDecision[] }> {
  const groups: Array<{ meetingId: string; heldOn: string; decisions: LoggedDecision[] }> = [];
  for (const decision of decisions) {
    const last = groups.at(-1);
    if (last?.meetingId === decision.meetingId) last.decisions.push(decision);
    else groups.push({ meetingId: decision.meetingId, heldOn: decision.heldOn, decisions: [decision] });
  }
  return groups;
}

/** The period's two dates, written into the address by "Visa perioden" (a fresh form for each address: its key). */
function PeriodFilter({ from, to }: { from: string | null; to: string | null }) {
  const m = useMessages(messages);
  const path = usePath();
  const search = useSearch();
  const [fromText, setFromText] = useState(from ?? "");
  const [toText, setToText] = useState(to ?? "");
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const go = (fromValue: string | null, toValue: string | null) => {
    const query = new URLSearchParams(search);
    query.delete(FROM_PARAMETER);
    query.delete(TO_PARAMETER);
    if (fromValue) query.set(FROM_PARAMETER, fromValue);
    if (toValue) query.set(TO_PARAMETER, toValue);
    const text = query.toString();
    navigate(text ? `${path}?${text}` : path);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromValue = fromText.trim() === "" ? null : parseDate(fromText);
    const toValue = toText.trim() === "" ? null : parseDate(toText);
    const found = {
      ...(fromText.trim() !== "" && fromValue === null ? { from: m.badDate } : {}),
      ...(toText.trim() !== "" && toValue === null
        ? { to: m.badDate }
        : fromValue && toValue && toValue < fromValue
          ? { to: m.toBeforeFrom }
          : {}),
    };
    setErrors(found);
    if (found.from) return document.getElementById("period-from")?.querySelector("input")?.focus();
    if (found.to) return document.getElementById("period-to")?.querySelector("input")?.focus();
    go(fromValue, toValue);
  };
  return (
    <form className="period-filter no-print" onSubmit={submit} noValidate aria-labelledby="period-title">
      <fieldset>
        <legend id="period-title">{m.periodTitle}</legend>
        <div className="period-fields">
          <TextField id="period-from" className="field" value={fromText} onChange={setFromText} isInvalid={!!errors.from}>
            <Label>{m.from}</Label>
            <Text slot="description" className="note">
              {m.dateHint}
            </Text>
            <Input size={12} />
            <FieldError className="field-error">{errors.from}</FieldError>
          </TextField>
          <TextField id="period-to" className="field" value={toText} onChange={setToText} isInvalid={!!errors.to}>
            <Label>{m.to}</Label>
            <Text slot="description" className="note">
              {m.dateHint}
            </Text>
            <Input size={12} />
            <FieldError className="field-error">{errors.to}</FieldError>
          </TextField>
        </div>
        <div className="period-buttons">
          <Button type="submit" className="button">
            {m.filter}
          </Button>
          {(from || to) && (
            <Button type="button" className="button secondary" onPress={() => go(null, null)}>
              {m.clear}
            </Button>
          )}
        </div>
      </fieldset>
    </form>
  );
}

/**
 * /beslut: the decision log (GET /api/v1/decisions), by meeting, the latest first: each
 * decision under its §, with its subject, the decision, its kind and registration number, and
 * a link to the meeting's minutes. The time machine reads it as known at `kant`, the meetings
 * held on or before `galler` (the API's `to`); a period narrows it further.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function DecisionLogPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  useDocumentTitle(m.title);
  const time = useTimeTravel();
  const query = new URLSearchParams(useSearch());
  const from = parseDate(query.get(FROM_PARAMETER) ?? "");
  const to = parseDate(query.get(TO_PARAMETER) ?? "");
  const range = new URLSearchParams();
  if (from) range.set("from", from);
  const until = earlier(to, time.at);
  if (until) range.set("to", until);
  const base = range.toString() ? `/api/v1/decisions?${range.toString()}` : "/api/v1/decisions";
  const decisions = useApiQuery<LoggedDecision[]>(time.api(base, { asOf: true }));
  return (
    <>
      <h1>{m.title}</h1>
      <PastBanner subject="decisions" />
      <p>{m.intro}</p>
      <TimeControls />
      <PeriodFilter key={`${from}|${to}`} from={from} to={to} />
      <QueryState query={decisions}>
        {(list) => {
          if (list.length === 0) return <p>{m.none}</p>;
          const meetings = byMeeting(list).reverse();
          return (
            <>
              <p role="status">{m.count(list.length, meetings.length)}</p>
              {meetings.map((meeting) => {
                const day = formatDate(meeting.heldOn, language);
                const titleId = `meeting-${meeting.meetingId}`;
                return (
                  <section key={meeting.meetingId} aria-labelledby={titleId} className="decision-meeting">
                    <h2 id={titleId}>{m.meeting(day)}</h2>
                    <p className="no-print">
                      <Link href={time.link(paths.minutes(meeting.meetingId))}>{m.readMinutes(day)}</Link>
                    </p>
                    <ul className="cards decision-list">
                      {meeting.decisions.map((decision) => (
                        <li key={decision.decisionId}>
                          <h3>
                            {decision.paragraph === null
                              ? decision.subject
                              : `${m.paragraph(decision.paragraph)} ${decision.subject}`}
                          </h3>
                          <dl className="facts">
                            <dt>{m.decision}</dt>
                            <dd>{decision.decision}</dd>
                            <dt>{m.kind}</dt>
                            <dd>{m.kindName[decision.kind] ?? decision.kind}</dd>
                            <dt>{m.registrationNumber}</dt>
                            <dd>{decision.registrationNumber ?? m.noRegistrationNumber}</dd>
                          </dl>
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
