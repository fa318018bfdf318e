import type { Bilingual } from "#domain";
import { GENERIC_PROBLEMS, type GenericProblem, problemType } from "../http/problems.js";
import type { RouteDefinition } from "../http/route-definition.js";

/** What `GET /problems/<name>` explains: one problem type, in Swedish and English. */
export interface ProblemDescription {
  readonly type: string;
  readonly name: string;
  readonly status: number;
  readonly title: Bilingual;
  /** What the problem means. */
  readonly meaning: Bilingual;
  /** What the person or program that got it can do. */
  readonly whatToDo: Bilingual;
}

type Explained = { readonly meaning: Bilingual; readonly whatToDo: Bilingual };

/** The problems the HTTP layer raises itself, explained: a total map, so a new one without words does not compile. */
const GENERIC_EXPLAINED: { readonly [Name in GenericProblem]: Explained } = {
  validation: {
    meaning: {
      en: "The request does not have the form the endpoint takes: a field, a path or query parameter or a header is missing, unknown or wrong. `errors` names each one.",
      sv: "Begäran har inte den form som anropet kräver: ett fält, en parameter i sökvägen eller frågan eller ett huvud saknas, är okänt eller fel. `errors` pekar ut vart och ett.",
    },
    whatToDo: {
      en: "Correct the fields `errors` names and send the request again. Nothing was written.",
      sv: "Rätta fälten som `errors` pekar ut och skicka begäran igen. Inget skrevs.",
    },
  },
  unauthenticated: {
    meaning: {
      en: "The request has no token, or its token is not valid: expired, signed with another key, or for another issuer.",
      sv: "Begäran saknar token, eller så är token inte giltig: den har gått ut, är signerad med en annan nyckel eller kommer från en annan utfärdare.",
    },
    whatToDo: {
      en: "Sign in again and send `Authorization: Bearer <token>`.",
      sv: "Logga in igen och skicka `Authorization: Bearer <token>`.",
    },
  },
  forbidden: {
    meaning: {
      en: "You are signed in, but your role does not allow this, or only for other initiatives (a lead acts for the initiatives they lead).",
      sv: "Du är inloggad, men din roll tillåter inte detta, eller bara för andra initiativ (en ledare agerar för de initiativ hen leder).",
    },
    whatToDo: {
      en: "Ask someone with the role to do it, or ask an admin or the Core Team for the role. GET /api/v1/me shows your roles today.",
      sv: "Be någon med rollen att göra det, eller be en administratör eller Core Team om rollen. GET /api/v1/me visar dina roller i dag.",
    },
  },
  "not-found": {
    meaning: {
      en: "What the path names does not exist, or did not exist at the `asOf` asked for.",
      sv: "Det som sökvägen pekar ut finns inte, eller fanns inte vid den `asOf` som efterfrågades.",
    },
    whatToDo: {
      en: "Check the id in the path. After a write, read with `minPosition` set to its Log-Position.",
      sv: "Kontrollera id:t i sökvägen. Efter en skrivning: läs med `minPosition` satt till dess Log-Position.",
    },
  },
  "concurrency-conflict": {
    meaning: {
      en: "Others changed the same resource at the same moment, again and again, so the write could not be decided on a settled state.",
      sv: "Andra ändrade samma resurs i samma stund, gång på gång, så skrivningen kunde inte avgöras mot ett stabilt läge.",
    },
    whatToDo: { en: "Send the request again in a moment.", sv: "Skicka begäran igen om en stund." },
  },
  "request-timeout": {
    meaning: {
      en: "The request's headers or body did not arrive within the server's time limits.",
      sv: "Begärans huvuden eller innehåll kom inte fram inom serverns tidsgränser.",
    },
    whatToDo: {
      en: "Send the request again, whole and without pauses.",
      sv: "Skicka begäran igen, hel och utan uppehåll.",
    },
  },
  "precondition-failed": {
    meaning: {
      en: "The write carried `If-Match` with a revision, and the resource has changed since: someone wrote in between.",
      sv: "Skrivningen hade `If-Match` med en revision, och resursen har ändrats sedan dess: någon skrev emellan.",
    },
    whatToDo: {
      en: "Read the resource again, check that the change still makes sense, and write with the new ETag.",
      sv: "Läs resursen igen, kontrollera att ändringen fortfarande är rimlig och skriv med den nya ETag.",
    },
  },
  "payload-too-large": {
    meaning: {
      en: "The body is larger than the server takes (64 KiB).",
      sv: "Innehållet är större än servern tar emot (64 KiB).",
    },
    whatToDo: {
      en: "Send less: shorter texts, or the same in several writes.",
      sv: "Skicka mindre: kortare texter, eller samma sak i flera skrivningar.",
    },
  },
  "unsupported-media-type": {
    meaning: {
      en: "The body is not `application/json` in UTF-8.",
      sv: "Innehållet är inte `application/json` i UTF-8.",
    },
    whatToDo: {
      en: "Send `Content-Type: application/json` and a JSON body in UTF-8.",
      sv: "Skicka `Content-Type: application/json` och ett JSON-innehåll i UTF-8.",
    },
  },
  "idempotency-key-reused": {
    meaning: {
      en: "The `Idempotency-Key` was already used by you for another request.",
      sv: "`Idempotency-Key` har du redan använt för en annan begäran.",
    },
    whatToDo: {
      en: "Use a new key for each new request; the same key only to repeat the same request.",
      sv: "Använd en ny nyckel för varje ny begäran; samma nyckel bara för att upprepa samma begäran.",
    },
  },
  "too-many-requests": {
    meaning: {
      en: "A rate limit or a cap on live feeds was reached.",
      sv: "En gräns för antal förfrågningar eller för antal liveflöden nåddes.",
    },
    whatToDo: {
      en: "Wait the seconds `Retry-After` says, then send again.",
      sv: "Vänta så många sekunder som `Retry-After` anger och skicka sedan igen.",
    },
  },
  "request-refused": {
    meaning: {
      en: "The request is malformed at the HTTP level: a path segment too long, headers too large, or a request the server cannot read.",
      sv: "Begäran är felaktig på HTTP-nivå: en del av sökvägen är för lång, huvudena för stora eller begäran går inte att läsa.",
    },
    whatToDo: {
      en: "Correct the request; `detail` says what is wrong.",
      sv: "Rätta begäran; `detail` säger vad som är fel.",
    },
  },
  internal: {
    meaning: {
      en: "The server failed unexpectedly. The error is logged; nothing of it is shown.",
      sv: "Servern fick ett oväntat fel. Felet är loggat; inget av det visas.",
    },
    whatToDo: {
      en: "Try again later; if it persists, tell the operators the time and the request id (`X-Request-Id`).",
      sv: "Försök igen senare; om felet består, ge driften tidpunkten och begärans id (`X-Request-Id`).",
    },
  },
  "store-unavailable": {
    meaning: {
      en: "The event log or the key store cannot be reached now.",
      sv: "Händelseloggen eller nyckellagret går inte att nå just nu.",
    },
    whatToDo: {
      en: "Send again after `Retry-After` seconds; a write with the same `Idempotency-Key` is safe to repeat.",
      sv: "Skicka igen efter `Retry-After` sekunder; en skrivning med samma `Idempotency-Key` kan upprepas utan risk.",
    },
  },
  "identity-provider-unavailable": {
    meaning: {
      en: "The keys of the identity provider could not be fetched, so the token cannot be checked now.",
      sv: "Identitetsleverantörens nycklar gick inte att hämta, så token kan inte kontrolleras just nu.",
    },
    whatToDo: { en: "Send again after `Retry-After` seconds.", sv: "Skicka igen efter `Retry-After` sekunder." },
  },
  "read-model-behind": {
    meaning: {
      en: "The read models this read uses had not reached the `minPosition` asked for within 5 seconds, or one of them has stopped.",
      sv: "Läsmodellerna som läsningen använder hade inte nått efterfrågad `minPosition` inom 5 sekunder, eller så har en av dem stannat.",
    },
    whatToDo: {
      en: "Send again after `Retry-After`; if it persists, GET /health names the read model that stopped.",
      sv: "Skicka igen efter `Retry-After`; om det består visar GET /health vilken läsmodell som har stannat.",
    },
  },
  "shutting-down": {
    meaning: {
      en: "The server is shutting down and takes no more writes.",
      sv: "Servern stängs av och tar inte emot fler skrivningar.",
    },
    whatToDo: {
      en: "Send again after `Retry-After`: another instance, or this one restarted, will answer.",
      sv: "Skicka igen efter `Retry-After`: en annan instans, eller den här omstartad, svarar då.",
    },
  },
};

/** A broken domain rule, explained by its title: `detail` says what in the record stands in the way. */
const ruleExplained = (title: Bilingual): Explained => ({
  meaning: {
    en: `The write breaks a rule of the record: ${title.en}. It was refused and nothing was written; \`detail\` says what stands in the way.`,
    sv: `Skrivningen bryter mot en regel: ${title.sv}. Den avvisades och inget skrevs; \`detail\` säger vad som står i vägen (på engelska).`,
  },
  whatToDo: {
    en: "Change the request, or first change what the rule depends on, then send it again.",
    sv: "Ändra begäran, eller ändra först det som regeln beror på, och skicka den sedan igen.",
  },
});

/**
 * Every problem type the API can answer, by name: the generic ones and each rule a
 * command route can break (the rules that mean a missing resource are answered 404
 * `not-found`, and have no page of their own).
 */
export function problemCatalogue(routes: ReadonlyArray<RouteDefinition>): ReadonlyMap<string, ProblemDescription> {
  const catalogue = new Map<string, ProblemDescription>();
  for (const [name, { status, title }] of Object.entries(GENERIC_PROBLEMS) as Array<
    [GenericProblem, (typeof GENERIC_PROBLEMS)[GenericProblem]]
  >) {
    catalogue.set(name, { type: problemType(name), name, status, title, ...GENERIC_EXPLAINED[name] });
  }
  for (const route of routes) {
    if (route.kind !== "command") continue;
    for (const rule of route.spec.rules) {
      if (catalogue.has(rule.rule)) continue;
      catalogue.set(rule.rule, {
        type: problemType(rule.rule),
        name: rule.rule,
        status: 409,
        title: rule.title,
        ...ruleExplained(rule.title),
      });
    }
  }
  return catalogue;
}
