/**
 * Who runs this installation of Mandat, for the accessibility statement. The law (2018:1937)
 * asks the public body that offers the service to name itself and say how to reach it; Mandat
 * is run by whichever organisation deploys it, so these are left for the deployer to fill in
 * before building (the server has no setting for them). While they are empty, the statement
 * says so openly rather than showing a made-up name.
 */
export interface Operator {
  /** The organisation's name, e.g. "Västerås stad". */
  readonly name: string;
  /** Where to send feedback on accessibility: an e-mail address. */
  readonly email: string;
  /** A telephone number, if the organisation offers one. */
  readonly phone?: string;
  /** How soon the organisation answers, in its own words per language, e.g. "inom fem arbetsdagar". */
  readonly responseTime?: { readonly sv: string; readonly en: string };
}

/** To be filled in by the organisation that deploys Mandat. */
export const OPERATOR: Operator | undefined = undefined;
