import { useQueryClient } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { write } from "../api/client";
import { useLanguage } from "../i18n/language";
import { navigate, paths } from "../router";

/** Ends the cookie session on the server, forgets every read, and goes to the sign-in page. */
export function SignOutButton() {
  const { language, t } = useLanguage();
  const queryClient = useQueryClient();
  const signOut = async () => {
    await write("/auth/sign-out", {}, language);
    queryClient.clear();
    navigate(paths.signIn);
  };
  return (
    <Button className="button secondary" onPress={() => void signOut()}>
      {t.signOut}
    </Button>
  );
}
