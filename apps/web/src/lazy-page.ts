import { type ComponentType, lazy } from "react";

/**
 * A page whose code loads when it is first visited, so the first page (To do, or signing in)
 * carries only its own: the bench measures what it loads against a budget (bench/web-app-bench.ts).
 * Named exports stay named: `lazyPage(() => import("./features/inbox/InboxPage"), "InboxPage")`.
 */
// React.lazy itself takes ComponentType<any>: a page with any props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<Module extends Record<Name, ComponentType<any>>, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
