import { useSyncExternalStore } from "react";

// A router of our own, this small: four pages do not need a library. The path is the state;
// `navigate` pushes a new one and tells the subscribers (React Aria's links use it too).

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

/** The app's pages and their paths (Swedish, as the users see them in the address bar). */
export type Page =
  | { readonly name: "sign-in" }
  | { readonly name: "to-do" }
  | { readonly name: "initiative"; readonly id: string }
  | { readonly name: "submit-signal"; readonly id: string }
  | { readonly name: "not-found" };

/** Set by the signal form on its way back to the initiative, so the page can say the signal went in. */
export const SENT_PARAMETER = "skickad";

export const paths = {
  signIn: "/logga-in",
  toDo: "/",
  initiative: (id: string) => `/initiativ/${encodeURIComponent(id)}`,
  submitSignal: (id: string) => `/initiativ/${encodeURIComponent(id)}/ny-signal`,
};

export function pageOf(path: string): Page {
  if (path === "/") return { name: "to-do" };
  if (path === paths.signIn) return { name: "sign-in" };
  const initiative = path.match(/^\/initiativ\/([^/]+)(\/ny-signal)?$/);
  if (initiative) {
    const id = decodeURIComponent(initiative[1]!);
    return initiative[2] ? { name: "submit-signal", id } : { name: "initiative", id };
  }
  return { name: "not-found" };
}
