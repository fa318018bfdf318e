import { useDocumentTitle } from "../components/document-title";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { ApiProblem, write } from "../api/client";
import { useDevelopmentPeople } from "../api/queries";
import { QueryState } from "../components/QueryState";
import { byName } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { navigate, paths } from "../router";

/**
 * Development sign-in: the demo people as the server lists them (only a server with a
 * generated secret does; otherwise 404 and this page says so). Choosing one makes the server
 * set the session cookie; the app never holds the token.
 */
export function SignInPage() {
  const { language, t } = useLanguage();
  useDocumentTitle(t.signInTitle);
  const people = useDevelopmentPeople();
  const queryClient = useQueryClient();
  const signIn = async (subject: string) => {
    await write("/auth/development/sign-in", { subject }, language);
    // Whoever was read before (another person, or nobody) is gone.
    queryClient.clear();
    navigate(paths.toDo);
  };
  const unavailable = people.error instanceof ApiProblem && people.error.status === 404;
  return (
    <>
      <h1>{t.signInTitle}</h1>
      {unavailable ? (
        <p>{t.signInUnavailable}</p>
      ) : (
        <>
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
      )}
    </>
  );
}
