import { useDocumentTitle } from "../components/document-title";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { write } from "../api/client";
import { useDevelopmentPeople } from "../api/queries";
import { ErrorSummary } from "../components/ErrorSummary";
import { QueryState } from "../components/QueryState";
import { byName } from "../i18n/format";
import { useMessages } from "../i18n/define-messages";
import { useLanguage } from "../i18n/language";
import { navigate, returnPath } from "../router";
import { signInMessages } from "./sign-in-messages";
import { signInFailure, useSignInOptions } from "./sign-in-options";

/**
 * Signing in, as the server offers it (`GET /auth/options`). In production: a link to
 * `/auth/login`, where the server sends the browser to the organisation's OpenID provider and
 * back; a sign-in that failed comes back here with `?fel=<code>`, said at the top. For
 * development (a server with a generated secret): the demo people, one click each. Either
 * way the server sets the session cookie; the app never holds a token.
 */
export function SignInPage() {
  const options = useSignInOptions();
  return (
    <QueryState query={options}>
      {({ oidc, development }) =>
        development ? <DevelopmentSignIn /> : <ProviderSignIn available={oidc} failure={signInFailure()} />
      }
    </QueryState>
  );
}

function ProviderSignIn({ available, failure }: { available: boolean; failure: string | null }) {
  const m = useMessages(signInMessages);
  useDocumentTitle(m.title);
  return (
    <>
      <h1>{m.title}</h1>
      {failure !== null && (
        <ErrorSummary title={m.failedTitle} items={[{ fieldId: undefined, message: m.failure[failure] ?? m.failureOther }]} />
      )}
      {available ? (
        <>
          <p>{m.intro}</p>
          <p>
            <a className="button" href={`/auth/login?returnTo=${encodeURIComponent(returnPath())}`}>
              {m.signIn}
            </a>
          </p>
        </>
      ) : (
        <p>{m.unavailable}</p>
      )}
    </>
  );
}

function DevelopmentSignIn() {
  const { language, t } = useLanguage();
  useDocumentTitle(t.signInTitle);
  const people = useDevelopmentPeople();
  const queryClient = useQueryClient();
  const signIn = async (subject: string) => {
    await write("/auth/development/sign-in", { subject }, language);
    // Whoever was read before (another person, or nobody) is gone.
    queryClient.clear();
    navigate(returnPath());
  };
  return (
    <>
      <h1>{t.signInTitle}</h1>
      <p>{t.signInIntro}</p>
      <QueryState query={people}>
        {(list) => (
          <ul className="people">
            {[...list].sort(byName).map((person) => (
              <li key={`${person.subject} ${person.label}`}>
                <Button className="button" onPress={() => void signIn(person.subject)}>
                  {t.signInAs(person.name)}
                </Button>
                <span className="note">{person.label}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
