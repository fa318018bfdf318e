/**
 * Shows the same page with another choice in its address (a period, a year): a new history
 * entry, so Back returns to the previous choice, without the router's scroll to the top (the
 * person is at the chart). A popstate tells the router's subscribers, as Back does.
 */
export function showChoice(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}
