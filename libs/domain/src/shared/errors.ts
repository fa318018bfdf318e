import { rule } from "./rule-violation.js";

/**
 * Ids are minted by the application; the deciders still refuse one in use, so a new goal,
 * mandate or governing context never takes over the history of an existing one.
 */
export class IdTaken extends rule("id-taken", {
  en: "The id of the new goal, mandate or governing context is already in use",
  sv: "Id:t för det nya målet, mandatet eller styrande sammanhanget används redan",
}) {}
