import { useApiQuery } from "../api/queries";

/** Which sign-in the server offers (`GET /auth/options`): the development list, the OpenID provider, or neither. */
export interface SignInOptions {
  readonly development: boolean;
  readonly oidc: boolean;
}

export const useSignInOptions = () => useApiQuery<SignInOptions>("/auth/options");

/** The code of a failed sign-in the server sent the browser back with (`/logga-in?fel=…`), if any. */
export const signInFailure = (): string | null => new URLSearchParams(window.location.search).get("fel");
