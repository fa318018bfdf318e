import { useEffect } from "react";
import { ApiProblem } from "./api/client";
import { useMe } from "./api/queries";
import { Layout } from "./components/Layout";
import { Loading } from "./components/Loading";
import { useLanguage } from "./i18n/language";
import { InitiativePage } from "./pages/InitiativePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SignInPage } from "./pages/SignInPage";
import { SubmitSignalPage } from "./pages/SubmitSignalPage";
import { ToDoPage } from "./pages/ToDoPage";
import { navigate, pageOf, paths, usePath } from "./router";

/** Picks the page for the path; every page but sign-in needs a session, else it goes there. */
export function App() {
  const { t } = useLanguage();
  const page = pageOf(usePath());
  const me = useMe();
  const signedOut = me.error instanceof ApiProblem && me.error.status === 401;
  useEffect(() => {
    if (signedOut && page.name !== "sign-in") navigate(paths.signIn);
  }, [signedOut, page.name]);

  if (page.name === "sign-in") {
    return (
      <Layout me={undefined} title={t.signInTitle}>
        <SignInPage />
      </Layout>
    );
  }
  if (!me.data) {
    return (
      <Layout me={undefined} title={t.appName}>
        {me.isError && !signedOut ? <p>{t.loadFailed}</p> : <Loading />}
      </Layout>
    );
  }
  switch (page.name) {
    case "to-do":
      return (
        <Layout me={me.data} title={t.toDo}>
          <ToDoPage me={me.data} />
        </Layout>
      );
    case "initiative":
      return (
        <Layout me={me.data} title={t.initiative}>
          <InitiativePage id={page.id} me={me.data} />
        </Layout>
      );
    case "submit-signal":
      return (
        <Layout me={me.data} title={t.submitSignal}>
          <SubmitSignalPage initiativeId={page.id} />
        </Layout>
      );
    case "not-found":
      return (
        <Layout me={me.data} title={t.notFound}>
          <NotFoundPage />
        </Layout>
      );
  }
}
