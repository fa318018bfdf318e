import { Link } from "react-aria-components";
import { initiativePath, useInitiative } from "../../api/queries";
import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { CheckInsOverTime } from "./CheckInsOverTime";
import { messages } from "./messages";
import { SignalsOverTime } from "./SignalsOverTime";
import { TensionsOverTime } from "./TensionsOverTime";
import "./over-time.css";

/**
 * /initiativ/{id}/over-tid: the initiative pictured over time (tensions, check-ins, signals),
 * each picture with the same figures as a table, for everyone signed in.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function OverTimePage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  const m = useMessages(messages);
  const overview = useInitiative(initiativeId);
  useDocumentTitle(overview.data ? m.heading(overview.data.name) : m.title);
  const path = initiativePath(initiativeId);
  return (
    <>
      <h1>{overview.data ? m.heading(overview.data.name) : m.title}</h1>
      <QueryState query={overview}>
        {(initiative) => (
          <>
            <p className="over-time-back no-print">
              <Link href={paths.initiative(initiativeId)}>{m.backToInitiative}</Link>
            </p>
            <p>{m.intro}</p>
            <TensionsOverTime initiativeId={initiativeId} initiativePath={path} />
            <CheckInsOverTime initiativePath={path} />
            <SignalsOverTime initiativeId={initiativeId} mandate={initiative.mandate} />
          </>
        )}
      </QueryState>
    </>
  );
}
