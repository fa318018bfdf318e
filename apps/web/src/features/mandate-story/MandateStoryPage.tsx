import { Button, Link } from "react-aria-components";
import { useInitiative } from "../../api/queries";
import type { Me } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { PastBanner } from "../../time-travel/PastBanner";
import { TimeControls } from "../../time-travel/TimeControls";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { type StoryContext, StoryEntry } from "./StoryEntry";
import { TimeAxes } from "./TimeAxes";
import { messages } from "./messages";
import {
  useActors,
  useDelegationDecisions,
  useStoryMeetings,
  useStorySignals,
  useStoryTensions,
  useStoryVersions,
} from "./queries";
import { versionsOf } from "./story";
import type { StoryVersion } from "./types";
import "./mandate-story.css";

/** The initiative's mandates, each by its first day: the way to the others' stories. */
function OtherMandates({
  initiativeId,
  mandateId,
  all,
}: {
  initiativeId: string;
  mandateId: string;
  all: ReadonlyArray<StoryVersion>;
}) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const time = useTimeTravel();
  const mandates = [...new Map(all.map((version) => [version.mandateId, version])).values()];
  if (mandates.length < 2) return null;
  return (
    <nav aria-label={m.otherMandates} className="story-other-mandates no-print">
      <h2>{m.otherMandates}</h2>
      <ul>
        {mandates.map((first) => (
          <li key={first.mandateId}>
            {first.mandateId === mandateId ? (
              <span aria-current="page">
                {m.mandateFrom(formatDate(first.validFrom, language))} {m.thisOne}
              </span>
            ) : (
              <Link href={time.link(paths.mandateStory(initiativeId, first.mandateId))}>
                {m.mandateFrom(formatDate(first.validFrom, language))}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Story({
  me,
  initiativeId,
  mandateId,
  all,
}: {
  me: Me;
  initiativeId: string;
  mandateId: string;
  all: ReadonlyArray<StoryVersion>;
}) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const versions = versionsOf(all, mandateId);
  const triggers = versions.map((version) => version.triggeredBy).filter((trigger) => trigger !== null);
  const signals = useStorySignals(
    initiativeId,
    triggers.some((trigger) => "signalId" in trigger),
  );
  const tensions = useStoryTensions(
    initiativeId,
    triggers.some((trigger) => "tensionId" in trigger),
  );
  const delegations = useDelegationDecisions(versions.some((version) => version.decision === null));
  const meetings = useStoryMeetings([
    ...new Set(versions.flatMap((version) => (version.decision ? [version.decision.meetingId] : []))),
  ]);
  const actor = useActors([...new Set(versions.map((version) => version.recordedBy))]);
  const latest = versions.at(-1);
  if (latest === undefined) {
    return (
      <>
        <p>{m.notFound}</p>
        <OtherMandates initiativeId={initiativeId} mandateId={mandateId} all={all} />
      </>
    );
  }
  const context: StoryContext = {
    me,
    initiativeId,
    versions,
    meetings,
    actor,
    signals: signals.data,
    tensions: tensions.data,
    delegations: delegations.data,
  };
  const from = formatDate(latest.validFrom, language);
  return (
    <>
      <dl className="facts story-facts">
        <dt>{m.mandate}</dt>
        <dd className="mandate-id">{mandateId}</dd>
        <dt>{m.validity}</dt>
        <dd>
          {latest.validUntil ? m.validFromUntil(from, formatDate(latest.validUntil, language)) : m.validFromOpen(from)}
          {latest.revokedFrom && `, ${m.revokedFrom(formatDate(latest.revokedFrom, language))}`}
        </dd>
      </dl>
      <OtherMandates initiativeId={initiativeId} mandateId={mandateId} all={all} />
      <section aria-labelledby="story-changes">
        <h2 id="story-changes">{m.changesTitle}</h2>
        <ol className="story-list">
          {versions.map((version) => (
            <StoryEntry key={version.version} version={version} context={context} />
          ))}
        </ol>
      </section>
      <section aria-labelledby="story-picture" className="story-picture">
        <h2 id="story-picture">{m.pictureTitle}</h2>
        <p>{m.pictureIntro}</p>
        <TimeAxes versions={versions} />
      </section>
    </>
  );
}

/**
 * /initiativ/{id}/mandathistorik/{mandateId}: why this initiative has this mandate. Every
 * change in the order recorded, with its decision, meeting, trigger and recorder; a picture
 * of the two time axes with its table; printable as a mandate history report.
 */
export function MandateStoryPage({ me, initiativeId, mandateId }: { me: Me; initiativeId: string; mandateId: string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const initiative = useInitiative(initiativeId);
  const versions = useStoryVersions(initiativeId);
  const time = useTimeTravel();
  const name = initiative.data?.name;
  useDocumentTitle(name ? `${m.title}: ${name}` : m.title);
  return (
    <article className="mandate-story" aria-labelledby="story-title">
      <header className="story-head">
        <h1 id="story-title">{m.title}</h1>
        <p className="story-initiative">
          {m.initiative}: <strong>{name ?? (initiative.error ? "–" : m.loading)}</strong>
        </p>
        <p className="print-only">{m.printedOn(formatDate(todayInStockholm(), language))}</p>
      </header>
      <PastBanner subject="mandate-story" />
      <p className="no-print">{m.intro}</p>
      <div className="story-actions no-print">
        <Button className="button" onPress={() => window.print()}>
          {m.print}
        </Button>
        <p className="note">{m.pdfNote}</p>
        <p>
          <Link href={time.link(paths.initiative(initiativeId))}>{m.backToInitiative}</Link>
        </p>
      </div>
      <div className="no-print">
        <TimeControls />
      </div>
      <QueryState query={versions}>
        {(all) => <Story me={me} initiativeId={initiativeId} mandateId={mandateId} all={all} />}
      </QueryState>
    </article>
  );
}
