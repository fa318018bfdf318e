import { DEFAULT_REGISTRATION_SERIES } from "#domain";
import { Context } from "effect";

/**
 * The deployment's registration series (MANDAT_REGISTRATION_SERIES), e.g. `SHK {year}/{n}`.
 * A reference with a default: the server and the command line provide the configured one;
 * tests and anything else that provides none number in `{year}/{n}`.
 */
export class RegistrationSeries extends Context.Reference<RegistrationSeries>()("@mandat/RegistrationSeries", {
  defaultValue: () => ({ pattern: DEFAULT_REGISTRATION_SERIES }),
}) {}
