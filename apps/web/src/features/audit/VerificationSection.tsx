import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { apiQuery } from "../../api/queries";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { formatDateTime } from "./format-time";
import { messages } from "./messages";
import type { VerifyReport } from "./types";

/** Whether everything holds: the chains, and every seal. */
const holds = (report: VerifyReport): boolean => report.ok && (report.seals?.failures.length ?? 0) === 0;

/** What the check found, as facts; the broken event and the failed seals named. */
function VerificationResult({ report, checkedAt }: { report: VerifyReport; checkedAt: number }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const latest = report.seals?.latest;
  return (
    <>
      {holds(report) ? <p className="success">{m.ok}</p> : <p className="audit-broken">{m.broken}</p>}
      <dl className="facts">
        <dt>{m.checkedEvents}</dt>
        <dd>{report.checkedEvents}</dd>
        <dt>{m.checkedSeals}</dt>
        <dd>{report.seals?.checked ?? 0}</dd>
        <dt>{m.latestSeal}</dt>
        <dd>{latest ? m.latestSealText(latest.eventCount, formatDateTime(latest.sealedAt, language)) : m.noSeals}</dd>
        <dt>{m.checkedAt}</dt>
        <dd>{formatDateTime(checkedAt, language)}</dd>
      </dl>
      {report.brokenAt && (
        <>
          <h3>{m.brokenAtHeading}</h3>
          <dl className="facts">
            <dt>{m.position}</dt>
            <dd>{report.brokenAt.position}</dd>
            <dt>{m.stream}</dt>
            <dd>
              <code>{report.brokenAt.streamId}</code>
            </dd>
            <dt>{m.revision}</dt>
            <dd>{report.brokenAt.revision}</dd>
            <dt>{m.eventId}</dt>
            <dd>
              <code>{report.brokenAt.eventId}</code>
            </dd>
            <dt>{m.whatFailed}</dt>
            <dd>
              {m.reason[report.brokenAt.reason] ?? report.brokenAt.reason} (<code>{report.brokenAt.reason}</code>)
            </dd>
          </dl>
        </>
      )}
      {report.storageProblems && report.storageProblems.length > 0 && (
        <>
          <h3>{m.storageHeading}</h3>
          <p>{m.storageExplained}</p>
          <ul>
            {report.storageProblems.slice(0, 10).map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.seals && report.seals.failures.length > 0 && (
        <>
          <h3>{m.sealFailuresHeading}</h3>
          <ul>
            {report.seals.failures.map((failure) => (
              <li key={`${failure.seal.position}-${failure.seal.keyId}`}>
                {m.sealLabel(failure.seal.eventCount)}: {m.sealProblem[failure.problem] ?? failure.problem} {failure.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * "Är loggen oförändrad?": GET /audit/verify, and again on "Kontrollera igen"; while it runs
 * the last answer stays and a status line says it is checking, then what it found.
 */
export function VerificationSection() {
  const m = useMessages(messages);
  const { language } = useLanguage();
  // A check walks the whole log on the server: only when the page opens and when asked,
  // not on every event the live feed brings (meta.live) or when the window gets focus.
  const verification = useQuery({
    ...apiQuery<VerifyReport>("/api/v1/audit/verify", language),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    meta: { live: false },
  });
  const [askedAgain, setAskedAgain] = useState(false);
  const checking = verification.isFetching;
  const report = verification.data;
  // A check asked for that failed says so, though the last report stays on screen.
  const announcement = checking
    ? m.checking
    : !askedAgain || report === undefined
      ? ""
      : verification.isError
        ? m.announceFailed
        : holds(report)
          ? m.announceOk(report.checkedEvents, report.seals?.checked ?? 0)
          : report.brokenAt
            ? m.announceBroken(report.brokenAt.position)
            : (report.storageProblems?.length ?? 0) > 0
              ? m.announceStorageBroken
              : m.announceSealsBroken;
  return (
    <section aria-labelledby="verify-heading">
      <h2 id="verify-heading">{m.verifyHeading}</h2>
      <p>{m.verifyExplained}</p>
      <p>{m.sealsExplained}</p>
      <QueryState query={verification}>
        {(answer) => <VerificationResult report={answer} checkedAt={verification.dataUpdatedAt} />}
      </QueryState>
      <p>
        <Button
          className="button secondary"
          onPress={() => {
            if (checking) return;
            setAskedAgain(true);
            void verification.refetch();
          }}
        >
          {m.verifyAgain}
        </Button>
      </p>
      <p role="status" className="audit-status">
        {announcement}
      </p>
    </section>
  );
}
