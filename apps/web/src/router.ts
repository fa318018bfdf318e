import { useSyncExternalStore } from "react";

// A router of our own, this small: the pages below do not need a library. The path is the
// state; `navigate` pushes a new one and tells the subscribers (React Aria's links use it too).

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener("popstate", notify);

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", path);
  window.scrollTo(0, 0);
  notify();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const usePath = (): string => useSyncExternalStore(subscribe, () => window.location.pathname);

/** The query string, for pages that keep a choice (a filter, a sort order) in the address. */
export const useSearch = (): string => useSyncExternalStore(subscribe, () => window.location.search);

/** Set by a form on its way back to the page it came from, so that page can say it went in. */
export const SENT_PARAMETER = "skickad";

/** Where sign-in sends the person afterwards: the page they had asked for. */
export const RETURN_PARAMETER = "tillbaka";

/** The sign-in page, remembering the page this person asked for (unless that is To do). */
export function signInReturningHere(): string {
  const here = window.location.pathname + window.location.search;
  return here === "/" ? "/logga-in" : `/logga-in?${RETURN_PARAMETER}=${encodeURIComponent(here)}`;
}

/** The page to go to after sign-in: a path on this site only, never another site's address. */
export function returnPath(): string {
  const asked = new URLSearchParams(window.location.search).get(RETURN_PARAMETER);
  return asked !== null && /^\/(?![/\\])[^\s\\]*$/.test(asked) ? asked : "/";
}

const segment = encodeURIComponent;

/** The app's pages and their paths (Swedish, as the users see them in the address bar). */
export const paths = {
  signIn: "/logga-in",
  toDo: "/",
  accessibility: "/tillganglighet",
  portfolio: "/portfolj",
  inbox: "/inkorg",
  answerSignal: (signalId: string) => `/inkorg/${segment(signalId)}`,
  initiative: (id: string) => `/initiativ/${segment(id)}`,
  submitSignal: (id: string) => `/initiativ/${segment(id)}/ny-signal`,
  recordCheckIn: (id: string) => `/initiativ/${segment(id)}/ny-avstamning`,
  raiseTension: (id: string) => `/initiativ/${segment(id)}/ny-spanning`,
  setGoal: (id: string) => `/initiativ/${segment(id)}/nytt-mal`,
  recordReading: (id: string, goalId: string) => `/initiativ/${segment(id)}/mal/${segment(goalId)}/ny-matning`,
  grantMandate: (id: string) => `/initiativ/${segment(id)}/mandat/nytt`,
  amendMandate: (id: string) => `/initiativ/${segment(id)}/mandat/andring`,
  renewMandate: (id: string) => `/initiativ/${segment(id)}/mandat/fornyelse`,
  revokeMandate: (id: string) => `/initiativ/${segment(id)}/mandat/aterkallelse`,
  meetings: "/moten",
  planMeeting: "/moten/nytt",
  meeting: (id: string) => `/moten/${segment(id)}`,
  minutes: (id: string) => `/moten/${segment(id)}/protokoll`,
  decisions: "/beslut",
  mandateStory: (id: string, mandateId: string) => `/initiativ/${segment(id)}/mandathistorik/${segment(mandateId)}`,
  overTime: (id: string) => `/initiativ/${segment(id)}/over-tid`,
  budget: "/budget",
  audit: "/granskning",
  /** The admin's pages: everything under it is the administration feature's own (its router). */
  administration: "/administration",
};

export type Page =
  | { readonly name: "sign-in" }
  | { readonly name: "to-do" }
  | { readonly name: "accessibility" }
  | { readonly name: "portfolio" }
  | { readonly name: "inbox" }
  | { readonly name: "answer-signal"; readonly signalId: string }
  | { readonly name: "initiative"; readonly id: string }
  | { readonly name: "submit-signal"; readonly id: string }
  | { readonly name: "record-check-in"; readonly id: string }
  | { readonly name: "raise-tension"; readonly id: string }
  | { readonly name: "set-goal"; readonly id: string }
  | { readonly name: "record-reading"; readonly id: string; readonly goalId: string }
  | { readonly name: "grant-mandate"; readonly id: string }
  | { readonly name: "amend-mandate"; readonly id: string }
  | { readonly name: "renew-mandate"; readonly id: string }
  | { readonly name: "revoke-mandate"; readonly id: string }
  | { readonly name: "meetings" }
  | { readonly name: "plan-meeting" }
  | { readonly name: "meeting"; readonly id: string }
  | { readonly name: "minutes"; readonly id: string }
  | { readonly name: "decisions" }
  | { readonly name: "mandate-story"; readonly id: string; readonly mandateId: string }
  | { readonly name: "over-time"; readonly id: string }
  | { readonly name: "budget" }
  | { readonly name: "audit" }
  | { readonly name: "administration"; readonly rest: string }
  | { readonly name: "not-found" };

const FIXED: Readonly<Record<string, Page>> = {
  [paths.toDo]: { name: "to-do" },
  [paths.signIn]: { name: "sign-in" },
  [paths.accessibility]: { name: "accessibility" },
  [paths.portfolio]: { name: "portfolio" },
  [paths.inbox]: { name: "inbox" },
  [paths.meetings]: { name: "meetings" },
  [paths.planMeeting]: { name: "plan-meeting" },
  [paths.decisions]: { name: "decisions" },
  [paths.budget]: { name: "budget" },
  [paths.audit]: { name: "audit" },
};

/** An initiative's sub-pages, by the path after /initiativ/{id}. */
const INITIATIVE_PAGES = {
  "": "initiative",
  "/ny-signal": "submit-signal",
  "/ny-avstamning": "record-check-in",
  "/ny-spanning": "raise-tension",
  "/nytt-mal": "set-goal",
  "/over-tid": "over-time",
  "/mandat/nytt": "grant-mandate",
  "/mandat/andring": "amend-mandate",
  "/mandat/fornyelse": "renew-mandate",
  "/mandat/aterkallelse": "revoke-mandate",
} as const;

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

export function pageOf(path: string): Page {
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const reading = path.match(/^\/initiativ\/([^/]+)\/mal\/([^/]+)\/ny-matning$/);
  if (reading) {
    const id = decode(reading[1]!);
    const goalId = decode(reading[2]!);
    if (id && goalId) return { name: "record-reading", id, goalId };
  }
  const story = path.match(/^\/initiativ\/([^/]+)\/mandathistorik\/([^/]+)$/);
  if (story) {
    const id = decode(story[1]!);
    const mandateId = decode(story[2]!);
    if (id && mandateId) return { name: "mandate-story", id, mandateId };
  }
  if (path === paths.administration || path.startsWith(`${paths.administration}/`))
    return { name: "administration", rest: path.slice(paths.administration.length) };
  const initiative = path.match(/^\/initiativ\/([^/]+)(\/.*)?$/);
  if (initiative) {
    const id = decode(initiative[1]!);
    const rest = initiative[2] ?? "";
    if (id && rest in INITIATIVE_PAGES) return { name: INITIATIVE_PAGES[rest as keyof typeof INITIATIVE_PAGES], id };
  }
  const signal = path.match(/^\/inkorg\/([^/]+)$/);
  if (signal) {
    const signalId = decode(signal[1]!);
    if (signalId) return { name: "answer-signal", signalId };
  }
  const meeting = path.match(/^\/moten\/([^/]+)(\/protokoll)?$/);
  if (meeting) {
    const id = decode(meeting[1]!);
    if (id) return meeting[2] ? { name: "minutes", id } : { name: "meeting", id };
  }
  return { name: "not-found" };
}
