import type { GoalStatus, IsoDate } from "#domain";

export type GoalChange = "set" | "revised" | "achieved" | "dropped";

/** A row of `goal_versions`, as written and as read. */
export interface GoalVersionRow {
  readonly initiative_id: string;
  readonly goal_id: string;
  readonly version: number;
  readonly change: GoalChange;
  readonly status: GoalStatus;
  readonly statement: string;
  readonly indicator: string | null;
  readonly target_date: IsoDate | null;
  readonly achieved_on: IsoDate | null;
  readonly evidence: string | null;
  readonly reason: string | null;
  readonly recorded_at: string;
  readonly position: number;
}
