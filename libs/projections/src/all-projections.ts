import { budgetsProjection } from "./read-models/budgets/projection.js";
import { checkInsProjection } from "./read-models/check-ins/projection.js";
import { decisionLogProjection } from "./read-models/decision-log/projection.js";
import { goalHistoryProjection } from "./read-models/goal-history/projection.js";
import { governingContextsProjection } from "./read-models/governing-contexts/projection.js";
import { indicatorReadingsProjection } from "./read-models/indicator-readings/projection.js";
import { initiativeOverviewProjection } from "./read-models/initiative-overview/projection.js";
import { mandateHistoryProjection } from "./read-models/mandate-history/projection.js";
import { peopleProjection } from "./read-models/people/projection.js";
import { signalInboxProjection } from "./read-models/signal-inbox/projection.js";
import { tensionTimelineProjection } from "./read-models/tension-timeline/projection.js";
import type { AnyProjection } from "./runner/projection-definition.js";

/** Every read model the server keeps (the audit log is the log itself). */
export const allProjections: ReadonlyArray<AnyProjection> = [
  initiativeOverviewProjection,
  mandateHistoryProjection,
  goalHistoryProjection,
  checkInsProjection,
  signalInboxProjection,
  tensionTimelineProjection,
  decisionLogProjection,
  budgetsProjection,
  governingContextsProjection,
  peopleProjection,
  indicatorReadingsProjection,
];
