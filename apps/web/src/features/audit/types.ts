/** GET /api/v1/audit/verify (docs/api.md "Audit"): what the walk over the stored log found. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly checkedEvents: number;
  /** What SQLite's integrity check found wrong with the file the log is kept in; empty when whole. */
  readonly storageProblems?: ReadonlyArray<string>;
  readonly brokenAt?: {
    readonly position: number;
    readonly eventId: string;
    readonly streamId: string;
    readonly revision: number;
    readonly reason: string;
  };
  readonly seals?: {
    readonly checked: number;
    readonly failures: ReadonlyArray<{ readonly seal: Seal; readonly problem: string; readonly detail: string }>;
    readonly latest?: Seal;
  };
}

export interface Seal {
  readonly position: number;
  readonly eventCount: number;
  readonly sealedAt: string;
  readonly keyId: string;
}

export type ExportFormat = "csv" | "jsonl";

/** The query of GET /api/v1/audit/export for what the person chose; empty choices are left out. */
export function exportPath(choice: {
  readonly initiativeId: string | undefined;
  readonly from: string;
  readonly to: string;
  readonly format: ExportFormat;
}): string {
  const query = new URLSearchParams({ format: choice.format });
  if (choice.initiativeId !== undefined) query.set("initiativeId", choice.initiativeId);
  if (choice.from !== "") query.set("from", choice.from);
  if (choice.to !== "") query.set("to", choice.to);
  return `/api/v1/audit/export?${query.toString()}`;
}
