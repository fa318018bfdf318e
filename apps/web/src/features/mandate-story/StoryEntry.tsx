import { Link } from "react-aria-components";
import type { Me } from "../../api/types";
import { ClauseChangeList } from "../../components/ClauseChangeList";
import { useMessages } from "../../i18n/define-messages";
import { addDays, dayInStockholm, daysBetween, formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { formatDateTime } from "./format";
import { messages } from "./messages";
import type { Actor } from "./queries";
import { TERMS_IN_ORDER, termChanges, clauseText, isBackdated, versionBefore } from "./story";
import type { StoryDelegationDecision, StoryMeeting, StorySignal, StoryTension, StoryVersion } from "./types";

/** What one version needs besides itself: the other versions and what they cite, read once for the page. */
export interface StoryContext {
  readonly me: Me;
  readonly initiativeId: string;
  readonly versions: ReadonlyArray<StoryVersion>;
  readonly meetings: ReadonlyMap<string, StoryMeeting | "failed">;
  readonly actor: (id: string) => Actor;
  readonly signals: ReadonlyArray<StorySignal> | undefined;
  readonly tensions: ReadonlyArray<StoryTension> | undefined;
  readonly delegations: ReadonlyArray<StoryDelegationDecision> | undefined;
}

function RecordedBy({ id, actor }: { id: string; actor: (id: string) => Actor }) {
  const m = useMessages(messages);
  const who = actor(id);
  if (who.kind === "person") return <>{who.name}</>;
  if (who.kind === "no-person") return <>{m.noPerson(id)}</>;
  if (who.kind === "unknown") return <>{m.unknownPerson(id)}</>;
  return <>{m.loading}</>;
}

function Decision({ version, context }: { version: StoryVersion; context: StoryContext }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const time = useTimeTravel();
  if (version.decision === null) {
    const delegation = context.delegations?.find(
      (each) =>
        each.initiativeId === context.initiativeId &&
        each.mandateId === version.mandateId &&
        each.effectiveFrom === version.effectiveFrom &&
        each.recordedAt === version.recordedAt,
    );
    return (
      <>
        <p>{m.delegation}</p>
        {delegation && delegation.reportedIn.length === 0 && <p>{m.notReported}</p>}
        {delegation?.reportedIn.map((meeting) => (
          <p key={meeting.meetingId}>
            {m.reportedTo}{" "}
            <Link href={time.link(paths.minutes(meeting.meetingId))}>
              {meeting.heldOn ? m.minutesOf(formatDate(meeting.heldOn, language)) : m.minutes}
            </Link>
          </p>
        ))}
      </>
    );
  }
  const meeting = context.meetings.get(version.decision.meetingId);
  if (meeting === undefined) return <p>{m.loading}</p>;
  const minutesLink = (
    <Link href={time.link(paths.minutes(version.decision.meetingId))}>
      {meeting !== "failed" && meeting.heldOn ? m.minutesOf(formatDate(meeting.heldOn, language)) : m.minutes}
    </Link>
  );
  if (meeting === "failed") return <p>{minutesLink}</p>;
  const cited = meeting.decisions.find((each) => each.decisionId === version.decision!.decisionId);
  const registration = cited?.registrationNumber ?? meeting.registrationNumber;
  return (
    <>
      <p>
        <strong>
          {m.meetingDecision(
            cited?.paragraph ?? null,
            m.meetingBody[meeting.body] ?? meeting.body,
            meeting.heldOn ? formatDate(meeting.heldOn, language) : null,
          )}
          {cited && `: ${cited.subject}`}
        </strong>
        {registration && ` (${m.registrationNumber} ${registration})`}
      </p>
      {cited ? <blockquote className="story-decision-text">{cited.decision}</blockquote> : <p>{m.decisionNotFound}</p>}
      <p>{minutesLink}</p>
    </>
  );
}

function Trigger({ version, context }: { version: StoryVersion; context: StoryContext }) {
  const m = useMessages(messages);
  const { language, t } = useLanguage();
  const time = useTimeTravel();
  const trigger = version.triggeredBy;
  if (trigger === null) return <p>{m.noTrigger}</p>;
  if ("signalId" in trigger) {
    if (context.signals === undefined) return <p>{m.loading}</p>;
    const signal = context.signals.find((each) => each.id === trigger.signalId);
    if (!signal) return <p>{m.triggerMissing}</p>;
    const before = versionBefore(context.versions, version);
    const open = signal.status === "submitted" || signal.status === "acknowledged";
    // Not from a view of the past: a signal open then may be answered since.
    const mayAnswer = open && !time.inPast && context.me.roles.includes("core-team");
    return (
      <>
        <p>
          <strong>
            {m.signal(t.kind[signal.kind] ?? signal.kind, t.mandatePosition[signal.mandatePosition] ?? signal.mandatePosition)}
          </strong>
          , {m.observedOn(formatDate(signal.observedOn, language))}: {signal.summary}
        </p>
        {signal.clauseId && <p>{m.citesClause(signal.clauseId, clauseText([before, version], signal.clauseId))}</p>}
        <p>
          {mayAnswer ? (
            <Link href={paths.answerSignal(signal.id)}>{m.answerLink}</Link>
          ) : (
            <Link href={time.link(paths.initiative(context.initiativeId))}>{m.signalLink}</Link>
          )}
        </p>
      </>
    );
  }
  if (context.tensions === undefined) return <p>{m.loading}</p>;
  const tension = context.tensions.find((each) => each.tensionId === trigger.tensionId);
  if (!tension) return <p>{m.triggerMissing}</p>;
  return (
    <>
      <p>
        <strong>{m.tension(t.tensionCategory[tension.category] ?? tension.category, tension.intensity)}</strong>,{" "}
        {m.raisedOn(formatDate(tension.raisedOn, language))}: {tension.description}
      </p>
      {tension.status === "open" && (
        <p>
          <Link href={time.link(paths.initiative(context.initiativeId))}>{m.tensionLink}</Link>
        </p>
      )}
    </>
  );
}

/** An amendment's changes: each clause it restated before and after, by id; then steering and budget. */
function WhatChanged({ version, context }: { version: StoryVersion; context: StoryContext }) {
  const m = useMessages(messages);
  const { t } = useLanguage();
  const changes = version.changes;
  if (changes === null) return null;
  const before = versionBefore(context.versions, version);
  const budget = (amount: number | null | undefined) => (amount === null || amount === undefined ? m.noBudget : t.sek(amount));
  return (
    <div className="story-what-changed">
      <h4>{m.whatChanged}</h4>
      {TERMS_IN_ORDER.map((term) => {
        const restated = changes[term];
        if (restated === undefined) return null;
        const all = termChanges(before?.clauses ?? [], restated, term);
        const changed = all.filter((change) => change.kind !== "unchanged");
        const unchanged = all.filter((change) => change.kind === "unchanged").map((change) => change.id);
        return (
          <div key={term}>
            <h5>{t[term]}</h5>
            <ClauseChangeList changes={changed} />
            {unchanged.length > 0 && <p className="note">{m.unchanged(unchanged.join(", "))}</p>}
          </div>
        );
      })}
      {changes.steering !== undefined && (
        <p>
          {m.steeringChange(
            before ? (t.steeringValue[before.steering] ?? before.steering) : "–",
            t.steeringValue[changes.steering] ?? changes.steering,
          )}
        </p>
      )}
      {changes.budgetSek !== undefined && <p>{m.budgetChange(budget(before?.budgetSek), budget(changes.budgetSek))}</p>}
    </div>
  );
}

/** A grant's terms: every clause by id, steering and budget. */
function Terms({ version }: { version: StoryVersion }) {
  const m = useMessages(messages);
  const { t } = useLanguage();
  return (
    <div className="story-what-changed">
      <h4>{m.terms}</h4>
      <dl className="clauses">
        {version.clauses.map((clause) => (
          <div className="clause" key={clause.id}>
            <dt>{clause.id}</dt>
            <dd>{clause.text}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t.steering}: {t.steeringValue[version.steering] ?? version.steering}. {m.budget}:{" "}
        {version.budgetSek === null ? m.noBudget : t.sek(version.budgetSek)}.
      </p>
    </div>
  );
}

/** One change of the mandate: when it took effect and was recorded, by whom, on what decision, why, and what it changed. */
export function StoryEntry({ version, context }: { version: StoryVersion; context: StoryContext }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const change = m.change[version.change] ?? version.change;
  const date = (day: string) => formatDate(day, language);
  const id = `version-${version.version}`;
  return (
    <li className="story-entry">
      <article aria-labelledby={id}>
        <h3 id={id}>{m.versionHeading(version.version, change, date(version.effectiveFrom))}</h3>
        {isBackdated(version) && (
          <p className="story-backdated">
            {m.backdated(
              date(version.effectiveFrom),
              date(version.recordedAt),
              daysBetween(version.effectiveFrom, dayInStockholm(version.recordedAt)),
            )}
          </p>
        )}
        <dl className="facts">
          <dt>{m.tookEffect}</dt>
          <dd>{date(version.effectiveFrom)}</dd>
          <dt>{m.recorded}</dt>
          <dd>{formatDateTime(version.recordedAt, language)}</dd>
          <dt>{m.recordedBy}</dt>
          <dd>
            <RecordedBy id={version.recordedBy} actor={context.actor} />
          </dd>
          <dt>{m.decision}</dt>
          <dd>
            <Decision version={version} context={context} />
          </dd>
          {version.change === "amended" && (
            <>
              <dt>{m.triggeredBy}</dt>
              <dd>
                <Trigger version={version} context={context} />
              </dd>
            </>
          )}
          {version.reason && (
            <>
              <dt>{m.reason}</dt>
              <dd>{version.reason}</dd>
            </>
          )}
          {version.change === "renewed" && version.validUntil && (
            <>
              <dt>{m.validityAfter}</dt>
              <dd>
                {/* A renewal takes effect the day after the end it replaced (domain.md). */}
                {m.renewedUntil(date(addDays(version.effectiveFrom, -1)), date(version.validUntil))}
              </dd>
            </>
          )}
          {version.change === "revoked" && (
            <>
              <dt>{m.validityAfter}</dt>
              <dd>{m.revoked(date(version.effectiveFrom))}</dd>
            </>
          )}
        </dl>
        {version.change === "granted" && <Terms version={version} />}
        {version.change === "amended" && <WhatChanged version={version} context={context} />}
        {version.supersededFrom && version.change !== "revoked" && (
          <p className="note">{m.superseded(date(addDays(version.supersededFrom, -1)), date(version.supersededFrom))}</p>
        )}
      </article>
    </li>
  );
}
