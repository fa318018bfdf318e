/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a development token lives 30 days. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * Runs `action` at the instant `at` (milliseconds since the epoch), however far off, without
 * holding the process open; `cancel` stops it.
 */
export function whenDue(at: number, action: () => void): { readonly cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const wait = at - Date.now();
    if (wait <= 0) {
      action();
      return;
    }
    timer = setTimeout(arm, Math.min(wait, LONGEST_TIMER_MS));
    timer.unref();
  };
  arm();
  return { cancel: () => clearTimeout(timer) };
}
