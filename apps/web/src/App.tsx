import { type ReactNode, Suspense, useEffect } from "react";
import { ApiProblem } from "./api/client";
import { useMe } from "./api/queries";
import type { Me } from "./api/types";
import { Layout } from "./components/Layout";
import { Loading } from "./components/Loading";
import { PageFailed } from "./components/PageFailed";
import { useDocumentTitle } from "./components/document-title";
import { useLanguage } from "./i18n/language";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SignInPage } from "./pages/SignInPage";
import { ToDoPage } from "./pages/ToDoPage";
import { lazyPage } from "./lazy-page";
import { type Page, navigate, pageOf, signInReturningHere, usePath, useSearch } from "./router";
import { UnreadableTimePage } from "./time-travel/UnreadableTimePage";
import { unreadableTime } from "./time-travel/time";

// To do and signing in come with the first load; every other page loads when first visited.
const AccessibilityStatementPage = lazyPage(
  () => import("./features/accessibility/AccessibilityStatementPage"),
  "AccessibilityStatementPage",
);
const AnswerSignalPage = lazyPage(() => import("./features/inbox/AnswerSignalPage"), "AnswerSignalPage");
const InboxPage = lazyPage(() => import("./features/inbox/InboxPage"), "InboxPage");
const RaiseTensionPage = lazyPage(() => import("./features/lead-forms/RaiseTensionPage"), "RaiseTensionPage");
const RecordCheckInPage = lazyPage(() => import("./features/lead-forms/RecordCheckInPage"), "RecordCheckInPage");
const RecordReadingPage = lazyPage(() => import("./features/lead-forms/RecordReadingPage"), "RecordReadingPage");
const SetGoalPage = lazyPage(() => import("./features/lead-forms/SetGoalPage"), "SetGoalPage");
const AmendMandatePage = lazyPage(() => import("./features/mandates/AmendMandatePage"), "AmendMandatePage");
const GrantMandatePage = lazyPage(() => import("./features/mandates/GrantMandatePage"), "GrantMandatePage");
const RenewMandatePage = lazyPage(() => import("./features/mandates/RenewMandatePage"), "RenewMandatePage");
const RevokeMandatePage = lazyPage(() => import("./features/mandates/RevokeMandatePage"), "RevokeMandatePage");
const MeetingPage = lazyPage(() => import("./features/meetings/MeetingPage"), "MeetingPage");
const MeetingsPage = lazyPage(() => import("./features/meetings/MeetingsPage"), "MeetingsPage");
const MinutesPage = lazyPage(() => import("./features/meetings/MinutesPage"), "MinutesPage");
const PlanMeetingPage = lazyPage(() => import("./features/meetings/PlanMeetingPage"), "PlanMeetingPage");
const PortfolioPage = lazyPage(() => import("./features/portfolio/PortfolioPage"), "PortfolioPage");
const InitiativePage = lazyPage(() => import("./pages/InitiativePage"), "InitiativePage");
const DecisionLogPage = lazyPage(() => import("./features/decisions/DecisionLogPage"), "DecisionLogPage");
const MandateStoryPage = lazyPage(() => import("./features/mandate-story/MandateStoryPage"), "MandateStoryPage");
const OverTimePage = lazyPage(() => import("./features/over-time/OverTimePage"), "OverTimePage");
const BudgetPage = lazyPage(() => import("./features/budget/BudgetPage"), "BudgetPage");
const AuditPage = lazyPage(() => import("./features/audit/AuditPage"), "AuditPage");
const AdministrationPage = lazyPage(() => import("./features/administration/AdministrationPage"), "AdministrationPage");
const SubmitSignalPage = lazyPage(() => import("./pages/SubmitSignalPage"), "SubmitSignalPage");

/** The page a signed-in person sees at the path. Each page names itself (useDocumentTitle). */
function signedInPage(page: Exclude<Page, { name: "sign-in" } | { name: "accessibility" }>, me: Me): ReactNode {
  switch (page.name) {
    case "to-do":
      return <ToDoPage me={me} />;
    case "portfolio":
      return <PortfolioPage me={me} />;
    case "inbox":
      return <InboxPage me={me} />;
    case "answer-signal":
      return <AnswerSignalPage me={me} signalId={page.signalId} />;
    case "initiative":
      return <InitiativePage id={page.id} me={me} />;
    case "submit-signal":
      return <SubmitSignalPage me={me} initiativeId={page.id} />;
    case "record-check-in":
      return <RecordCheckInPage me={me} initiativeId={page.id} />;
    case "raise-tension":
      return <RaiseTensionPage me={me} initiativeId={page.id} />;
    case "set-goal":
      return <SetGoalPage me={me} initiativeId={page.id} />;
    case "record-reading":
      return <RecordReadingPage me={me} initiativeId={page.id} goalId={page.goalId} />;
    case "grant-mandate":
      return <GrantMandatePage me={me} initiativeId={page.id} />;
    case "amend-mandate":
      return <AmendMandatePage me={me} initiativeId={page.id} />;
    case "renew-mandate":
      return <RenewMandatePage me={me} initiativeId={page.id} />;
    case "revoke-mandate":
      return <RevokeMandatePage me={me} initiativeId={page.id} />;
    case "meetings":
      return <MeetingsPage me={me} />;
    case "plan-meeting":
      return <PlanMeetingPage me={me} />;
    case "meeting":
      return <MeetingPage me={me} meetingId={page.id} />;
    case "minutes":
      return <MinutesPage me={me} meetingId={page.id} />;
    case "decisions":
      return <DecisionLogPage me={me} />;
    case "mandate-story":
      return <MandateStoryPage me={me} initiativeId={page.id} mandateId={page.mandateId} />;
    case "over-time":
      return <OverTimePage me={me} initiativeId={page.id} />;
    case "budget":
      return <BudgetPage me={me} />;
    case "audit":
      return <AuditPage me={me} />;
    case "administration":
      return <AdministrationPage me={me} rest={page.rest} />;
    case "not-found":
      return <NotFoundPage />;
  }
}

function Waiting({ failed }: { failed: boolean }) {
  const { t } = useLanguage();
  useDocumentTitle(t.appName);
  return failed ? <p>{t.loadFailed}</p> : <Loading />;
}

/**
 * Picks the page for the path. Sign-in and the accessibility statement are for everyone; every
 * other page needs a session, and without one the person is sent to sign in.
 */
export function App() {
  const path = usePath();
  const search = useSearch();
  const page = pageOf(path);
  const me = useMe();
  const signedOut = me.error instanceof ApiProblem && me.error.status === 401;
  const open = page.name === "sign-in" || page.name === "accessibility";
  useEffect(() => {
    if (signedOut && !open) navigate(signInReturningHere());
  }, [signedOut, open]);

  if (page.name === "sign-in")
    return (
      <Layout me={undefined}>
        <SignInPage />
      </Layout>
    );
  if (page.name === "accessibility")
    return (
      <Layout me={me.data}>
        <PageFailed key={path}>
          <Suspense fallback={<Loading />}>
            <AccessibilityStatementPage />
          </Suspense>
        </PageFailed>
      </Layout>
    );
  if (!me.data)
    return (
      <Layout me={undefined}>
        <Waiting failed={me.isError && !signedOut} />
      </Layout>
    );
  return (
    <Layout me={me.data}>
      {/* Keyed by the path: a page that failed does not keep the next one from loading. */}
      <PageFailed key={path}>
        {unreadableTime(search).length > 0 ? (
          <UnreadableTimePage />
        ) : (
          <Suspense fallback={<Loading />}>{signedInPage(page, me.data)}</Suspense>
        )}
      </PageFailed>
    </Layout>
  );
}
