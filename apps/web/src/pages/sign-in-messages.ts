import { defineMessages } from "../i18n/define-messages";

/**
 * The sign-in page's own words: signing in at the organisation's login service (OpenID
 * Connect), and why a sign-in did not succeed, by the code the server sends back in `?fel=`
 * (apps/api/src/web/oidc-client.ts, SignInFailure). The development sign-in keeps the app's
 * shared words (signInTitle, signInIntro, signInAs).
 */
export const signInMessages = defineMessages(
  {
    title: "Logga in",
    intro:
      "Du loggar in med samma konto som hos din organisation. Du skickas till inloggningstjänsten och kommer sedan tillbaka hit.",
    signIn: "Logga in",
    unavailable:
      "Inloggning är inte inställd på den här servern. Den som driver Mandat behöver koppla den till organisationens inloggningstjänst.",
    failedTitle: "Du loggades inte in",
    failure: {
      "provider-refused": "Inloggningen avbröts eller nekades hos inloggningstjänsten. Försök igen.",
      "bad-state":
        "Inloggningen kunde inte slutföras. Den tog för lång tid eller startades i en annan flik eller webbläsare. Försök igen.",
      "exchange-failed":
        "Svaret från inloggningstjänsten kunde inte godtas. Försök igen. Om det inte hjälper, kontakta den som driver Mandat.",
      "invalid-id-token":
        "Svaret från inloggningstjänsten kunde inte godtas. Försök igen. Om det inte hjälper, kontakta den som driver Mandat.",
      "provider-unavailable": "Inloggningstjänsten svarar inte just nu. Försök igen om en stund.",
    } as Record<string, string>,
    failureOther: "Inloggningen kunde inte slutföras. Försök igen.",
  },
  {
    title: "Sign in",
    intro: "You sign in with the same account as at your organisation. You are sent to the login service and then back here.",
    signIn: "Sign in",
    unavailable:
      "Sign-in is not set up on this server. Whoever runs Mandat needs to connect it to the organisation's login service.",
    failedTitle: "You were not signed in",
    failure: {
      "provider-refused": "The sign-in was cancelled or refused at the login service. Try again.",
      "bad-state": "The sign-in could not be completed. It took too long or was started in another tab or browser. Try again.",
      "exchange-failed":
        "The login service's answer could not be accepted. Try again. If that does not help, contact whoever runs Mandat.",
      "invalid-id-token":
        "The login service's answer could not be accepted. Try again. If that does not help, contact whoever runs Mandat.",
      "provider-unavailable": "The login service is not answering right now. Try again in a while.",
    },
    failureOther: "The sign-in could not be completed. Try again.",
  },
);
