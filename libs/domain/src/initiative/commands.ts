import type { GoverningContextFacts } from "../organisation/facts.js";
import type { IsoDate } from "../shared/calendar.js";
import type { CommandRecording } from "../shared/decider.js";
import type { OrganisationId, PersonId } from "../shared/schema-primitives.js";
import type { InitiativeEventOf } from "./events.js";
import type { ClauseItem, ClauseKind } from "./mandate-clauses.js";

/** Facts a mandate command needs from the meeting it cites, read by the handler. */
export interface DecisionFacts {
  /** False when the command names a decision that no meeting recorded. */
  readonly decisionFound: boolean;
}

/** Facts the check-in rules need: who of the participants is registered, and today's date. */
interface CheckInFacts {
  readonly registeredParticipants: ReadonlySet<PersonId>;
  readonly today: IsoDate;
}

/** A grant as commanded: its clauses as stated; the decider numbers them. */
interface GrantAsStated {
  readonly type: "MandateGranted";
  readonly data: Omit<InitiativeEventOf<"MandateGranted">["data"], ClauseKind> & {
    readonly [Kind in ClauseKind]: ReadonlyArray<ClauseItem>;
  };
}

export type InitiativeCommand =
  | CommandRecording<
      "RegisterInitiative",
      InitiativeEventOf<"InitiativeRegistered">,
      { readonly unregisteredOrganisations: ReadonlyArray<OrganisationId> }
    >
  | CommandRecording<"AssignLead", InitiativeEventOf<"InitiativeLeadAssigned">, { readonly personRegistered: boolean }>
  | CommandRecording<"UnassignLead", InitiativeEventOf<"InitiativeLeadUnassigned">>
  | CommandRecording<"SetGoal", InitiativeEventOf<"GoalSet">>
  | CommandRecording<"ReviseGoal", InitiativeEventOf<"GoalRevised">>
  | CommandRecording<"AchieveGoal", InitiativeEventOf<"GoalAchieved">>
  | CommandRecording<"DropGoal", InitiativeEventOf<"GoalDropped">>
  | CommandRecording<"RecordIndicatorReading", InitiativeEventOf<"IndicatorReadingRecorded">, { readonly today: IsoDate }>
  | CommandRecording<"GrantMandate", GrantAsStated, DecisionFacts>
  | CommandRecording<"AmendMandate", InitiativeEventOf<"MandateAmended">, DecisionFacts & { readonly triggerFound: boolean }>
  | CommandRecording<"RenewMandate", InitiativeEventOf<"MandateRenewed">, DecisionFacts>
  | CommandRecording<"RevokeMandate", InitiativeEventOf<"MandateRevoked">, DecisionFacts>
  | CommandRecording<"AgreeCheckInCadence", InitiativeEventOf<"CheckInCadenceAgreed">>
  | CommandRecording<"HoldCheckIn", InitiativeEventOf<"CheckInHeld">, CheckInFacts>
  | CommandRecording<
      "LinkGoverningContext",
      InitiativeEventOf<"GoverningContextLinked">,
      { readonly organisation: GoverningContextFacts }
    >
  | CommandRecording<"UnlinkGoverningContext", InitiativeEventOf<"GoverningContextUnlinked">>
  | CommandRecording<"CloseInitiative", InitiativeEventOf<"InitiativeClosed">, { readonly today: IsoDate }>;

export type InitiativeCommandOf<Type extends InitiativeCommand["type"]> = Extract<InitiativeCommand, { type: Type }>;
