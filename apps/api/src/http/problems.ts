import type { CommandError } from "#application";
import { type Bilingual, type RuleViolation, isRuleViolation } from "#domain";
import { MIN_POSITION_TIMEOUT_MS } from "./time-parameters.js";

/** RFC 9457 problem details, as every error leaves the API. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: ReadonlyArray<FieldError>;
  readonly [extension: string]: unknown;
}

export interface FieldError {
  readonly path: string;
  /** In English. */
  readonly message: string;
  /** In Swedish, where there is a translation (zod's Swedish locale); answered for `Accept-Language: sv`. */
  readonly sv?: string;
}

export type Language = keyof Bilingual;

/** The problems that are not domain rules, with their status and title. */
export const GENERIC_PROBLEMS = {
  validation: { status: 400, title: { en: "Invalid request", sv: "Ogiltig begäran" } },
  unauthenticated: { status: 401, title: { en: "Authentication required", sv: "Inloggning krävs" } },
  forbidden: { status: 403, title: { en: "Not allowed", sv: "Inte tillåtet" } },
  "not-found": { status: 404, title: { en: "Not found", sv: "Hittades inte" } },
  "concurrency-conflict": { status: 409, title: { en: "Too many concurrent changes", sv: "För många samtidiga ändringar" } },
  "request-timeout": { status: 408, title: { en: "Request took too long", sv: "Begäran tog för lång tid" } },
  "precondition-failed": { status: 412, title: { en: "The resource has changed", sv: "Resursen har ändrats" } },
  "payload-too-large": { status: 413, title: { en: "Request body too large", sv: "För stor begäran" } },
  "unsupported-media-type": { status: 415, title: { en: "Send JSON", sv: "Skicka JSON" } },
  "idempotency-key-reused": {
    status: 422,
    title: { en: "Idempotency key used for another request", sv: "Idempotensnyckeln är använd för en annan begäran" },
  },
  "too-many-requests": { status: 429, title: { en: "Too many requests", sv: "För många förfrågningar" } },
  "request-refused": { status: 400, title: { en: "Request refused", sv: "Begäran avvisad" } },
  internal: { status: 500, title: { en: "Internal error", sv: "Internt fel" } },
  "store-unavailable": { status: 503, title: { en: "Storage unavailable", sv: "Lagringen är inte tillgänglig" } },
  "identity-provider-unavailable": {
    status: 503,
    title: { en: "Identity provider unavailable", sv: "Identitetsleverantören är inte tillgänglig" },
  },
  "read-model-behind": { status: 503, title: { en: "Read models not up to date", sv: "Läsmodellerna är inte ikapp" } },
  "shutting-down": { status: 503, title: { en: "The server is shutting down", sv: "Servern stängs av" } },
} as const satisfies Record<string, { status: number; title: Bilingual }>;

export type GenericProblem = keyof typeof GENERIC_PROBLEMS;

/** Problem types are relative references, `/problems/<name>`; a rule's name is its type. */
export const problemType = (name: string): string => `/problems/${name}`;

/** An error the HTTP layer raises itself (authentication, validation, limits, staleness). */
export class HttpProblem extends Error {
  constructor(
    readonly problemName: GenericProblem,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
    /** The detail in Swedish, where it has been written; answered for `Accept-Language: sv`. */
    readonly detailSv?: string,
  ) {
    super(detail);
  }
}

export const unauthenticated = (detail: string) =>
  new HttpProblem("unauthenticated", detail, {}, { "WWW-Authenticate": 'Bearer realm="mandat"' });
export const forbidden = (detail: string) => new HttpProblem("forbidden", detail);
export const notFound = (detail: string, detailSv?: string) => new HttpProblem("not-found", detail, {}, {}, detailSv);
const fieldErrorsDetail = (errors: ReadonlyArray<FieldError>): string =>
  errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");

export const invalidRequest = (errors: ReadonlyArray<FieldError>) =>
  new HttpProblem("validation", fieldErrorsDetail(errors), { errors });

/**
 * Field errors in the answer's language: the Swedish message where there is one, else the
 * English; in Swedish the detail is then made of those messages, as the English one is.
 */
function inLanguage(problem: Problem, language: Language): Problem {
  if (!problem.errors) return problem;
  const translated = language === "sv" && problem.errors.some((error) => error.sv !== undefined);
  const errors = problem.errors.map(({ path, message, sv }) => ({ path, message: translated ? (sv ?? message) : message }));
  return { ...problem, errors, ...(translated ? { detail: fieldErrorsDetail(errors) } : {}) };
}
/** The read models were still behind after the wait, or (answered at once) one of them has stopped short. */
export const readModelBehind = (position: number) =>
  new HttpProblem(
    "read-model-behind",
    `The read models this read uses have not reached log position ${position}: they did not get there within ` +
      `${MIN_POSITION_TIMEOUT_MS / 1000} seconds, or one of them has stopped short of it until it is rebuilt (GET /health names it). ` +
      "Try again later.",
    { minPosition: position },
    { "Retry-After": "1" },
  );
/** A limit on how often or how much a client may ask was reached; `retryAfterSeconds` says when to try again. */
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem("too-many-requests", detail, {}, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
/** The OIDC keys could not be fetched: whether the token is good is unknown, so not a 401. */
export const identityProviderUnavailable = (detail: string) =>
  new HttpProblem("identity-provider-unavailable", `The token cannot be checked now: ${detail}`, {}, { "Retry-After": "5" });

/**
 * The client's preferred language of the two we speak, from Accept-Language. English by
 * default: a client that names no language is a program, whose developers read the
 * English details the domain writes; a Swedish user's browser sends `sv`.
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? "1",
      );
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isNaN(q) ? 0 : q };
    })
    .filter((entry) => entry.q > 0 && (entry.language === "sv" || entry.language === "en"))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.language === "sv" ? "sv" : "en";
}

export interface ProblemResponse {
  readonly problem: Problem;
  readonly headers: Record<string, string>;
}

const generic = (
  name: GenericProblem,
  detail: string,
  language: Language,
  extras: Partial<ProblemResponse> = {},
): ProblemResponse => {
  const { status, title } = GENERIC_PROBLEMS[name];
  return {
    problem: inLanguage({ type: problemType(name), title: title[language], status, detail, ...extras.problem }, language),
    headers: extras.headers ?? {},
  };
};

/** What the command pipeline, the stores and the key store fail with, besides broken rules. */
type PipelineError = Exclude<CommandError, RuleViolation>;

/**
 * Each pipeline error's problem: a total map over their tags, so an error added to the
 * pipeline without a problem here does not compile.
 */
const PIPELINE_PROBLEMS = {
  InvalidInput: "validation",
  Forbidden: "forbidden",
  ResourceNotFound: "not-found",
  PreconditionFailed: "precondition-failed",
  IdempotencyKeyReused: "idempotency-key-reused",
  ConcurrencyConflict: "concurrency-conflict",
  StoreUnavailable: "store-unavailable",
  KeyStoreUnavailable: "store-unavailable",
} as const satisfies { readonly [Tag in PipelineError["_tag"]]: GenericProblem };

const isPipelineError = (error: unknown): error is PipelineError =>
  typeof error === "object" && error !== null && "_tag" in error && Object.hasOwn(PIPELINE_PROBLEMS, String(error._tag));

/** A pipeline error's own fields that a client can act on: which input fields are wrong. */
const extensionsOf = (error: PipelineError): Record<string, unknown> =>
  error._tag === "InvalidInput"
    ? { errors: error.issues.map(({ path, ...messages }) => ({ path: path.join("."), ...messages })) }
    : {};

/**
 * Maps anything a handler can throw to a problem: a broken rule is 409 with the rule's
 * name as its type; pipeline errors get their own status (a 503 says when to try again);
 * anything unexpected is a 500 that says nothing of the internals.
 */
export function toProblem(error: unknown, language: Language): ProblemResponse {
  if (error instanceof HttpProblem) {
    const detail = language === "sv" ? (error.detailSv ?? error.detail) : error.detail;
    return generic(error.problemName, detail, language, { problem: error.extensions as Problem, headers: error.headers });
  }
  if (isRuleViolation(error)) {
    return {
      problem: { type: problemType(error._tag), title: error.title[language], status: 409, detail: error.detail },
      headers: {},
    };
  }
  if (isPipelineError(error)) {
    const name = PIPELINE_PROBLEMS[error._tag];
    const headers: Record<string, string> = GENERIC_PROBLEMS[name].status === 503 ? { "Retry-After": "1" } : {};
    return generic(name, error.message, language, { problem: extensionsOf(error) as Problem, headers });
  }
  const detail = {
    en: "The server failed unexpectedly; the error is logged.",
    sv: "Servern fick ett oväntat fel; felet är loggat.",
  };
  return generic("internal", detail[language], language);
}
