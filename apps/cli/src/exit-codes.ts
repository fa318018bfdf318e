/**
 * Exit codes, after sysexits(3), so scripts can tell failures apart:
 * 1 is reserved for "the check ran and found the log broken" (mandat verify).
 */
export const EXIT = {
  ok: 0,
  logBroken: 1,
  usage: 64,
  dataError: 65,
  noInput: 66,
  unavailable: 69,
  software: 70,
  cannotCreate: 73,
  noPermission: 77,
  config: 78,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: printed as one line, never as a stack trace. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}
