import type { AnyProjection } from "../src/index.js";

/** A read model whose tables cannot be created: a runner holding it fails to start. */
export const unstartableProjection: AnyProjection = {
  name: "unstartable",
  version: 1,
  tables: { unstartable: { columns: "not a column list (" } },
  eventTypes: new Set(),
  bind: () => () => undefined,
};
