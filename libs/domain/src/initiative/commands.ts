import type { OrganisationState } from "../organisation/state.js";
import type { IsoDate } from "../shared/calendar.js";
import type { CommandRecording } from "../shared/decider.js";
import type { OrganisationId, PersonId } from "../shared/schema-primitives.js";
import { type InitiativeEventOf, initiativeEvents as events } from "./events.js";

// HTTP bodies. Ids a command creates (goalId, mandateId, checkInId) are minted by the
// application; ids in the path (initiative, goal, mandate) are not part of the body.
export const RegisterInitiativeInput = events.InitiativeRegistered.schema;
export const AssignLeadInput = events.InitiativeLeadAssigned.schema;
export const UnassignLeadInput = events.InitiativeLeadUnassigned.schema;
export const SetGoalInput = events.GoalSet.schema.omit({ goalId: true });
export const ReviseGoalInput = events.GoalRevised.schema.omit({ goalId: true });
export const AchieveGoalInput = events.GoalAchieved.schema.omit({ goalId: true });
export const DropGoalInput = events.GoalDropped.schema.omit({ goalId: true });
export const GrantMandateInput = events.MandateGranted.schema.omit({ mandateId: true });
export const AmendMandateInput = events.MandateAmended.schema.omit({ mandateId: true });
export const RenewMandateInput = events.MandateRenewed.schema.omit({ mandateId: true });
export const RevokeMandateInput = events.MandateRevoked.schema.omit({ mandateId: true });
export const AgreeCheckInCadenceInput = events.CheckInCadenceAgreed.schema;
export const HoldCheckInInput = events.CheckInHeld.schema.omit({ checkInId: true });
export const LinkGoverningContextInput = events.GoverningContextLinked.schema;
export const UnlinkGoverningContextInput = events.GoverningContextUnlinked.schema;
export const CloseInitiativeInput = events.InitiativeClosed.schema;

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
  | CommandRecording<"GrantMandate", InitiativeEventOf<"MandateGranted">, DecisionFacts>
  | CommandRecording<
      "AmendMandate",
      InitiativeEventOf<"MandateAmended">,
      DecisionFacts & { readonly triggerFound: boolean }
    >
  | CommandRecording<"RenewMandate", InitiativeEventOf<"MandateRenewed">, DecisionFacts>
  | CommandRecording<"RevokeMandate", InitiativeEventOf<"MandateRevoked">, DecisionFacts>
  | CommandRecording<"AgreeCheckInCadence", InitiativeEventOf<"CheckInCadenceAgreed">>
  | CommandRecording<"HoldCheckIn", InitiativeEventOf<"CheckInHeld">, CheckInFacts>
  | CommandRecording<
      "LinkGoverningContext",
      InitiativeEventOf<"GoverningContextLinked">,
      { readonly organisation: OrganisationState }
    >
  | CommandRecording<"UnlinkGoverningContext", InitiativeEventOf<"GoverningContextUnlinked">>
  | CommandRecording<"CloseInitiative", InitiativeEventOf<"InitiativeClosed">, { readonly today: IsoDate }>;

export type InitiativeCommandOf<Type extends InitiativeCommand["type"]> = Extract<InitiativeCommand, { type: Type }>;
