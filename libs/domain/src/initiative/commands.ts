import type { OrganisationState } from "../organisation/state.js";
import type { IsoDate } from "../shared/calendar.js";
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

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type Carrying<Event extends { data: unknown }, Facts = unknown> = Event["data"] & Facts;

export type InitiativeCommand =
  | Command<
      "RegisterInitiative",
      Carrying<InitiativeEventOf<"InitiativeRegistered">, { readonly unregisteredOrganisations: ReadonlyArray<OrganisationId> }>
    >
  | Command<"AssignLead", Carrying<InitiativeEventOf<"InitiativeLeadAssigned">, { readonly personRegistered: boolean }>>
  | Command<"UnassignLead", Carrying<InitiativeEventOf<"InitiativeLeadUnassigned">>>
  | Command<"SetGoal", Carrying<InitiativeEventOf<"GoalSet">>>
  | Command<"ReviseGoal", Carrying<InitiativeEventOf<"GoalRevised">>>
  | Command<"AchieveGoal", Carrying<InitiativeEventOf<"GoalAchieved">>>
  | Command<"DropGoal", Carrying<InitiativeEventOf<"GoalDropped">>>
  | Command<"GrantMandate", Carrying<InitiativeEventOf<"MandateGranted">, DecisionFacts>>
  | Command<
      "AmendMandate",
      Carrying<InitiativeEventOf<"MandateAmended">, DecisionFacts & { readonly triggerFound: boolean }>
    >
  | Command<"RenewMandate", Carrying<InitiativeEventOf<"MandateRenewed">, DecisionFacts>>
  | Command<"RevokeMandate", Carrying<InitiativeEventOf<"MandateRevoked">, DecisionFacts>>
  | Command<"AgreeCheckInCadence", Carrying<InitiativeEventOf<"CheckInCadenceAgreed">>>
  | Command<
      "HoldCheckIn",
      Carrying<
        InitiativeEventOf<"CheckInHeld">,
        { readonly registeredParticipants: ReadonlySet<PersonId>; readonly today: IsoDate }
      >
    >
  | Command<
      "LinkGoverningContext",
      Carrying<InitiativeEventOf<"GoverningContextLinked">, { readonly organisation: OrganisationState }>
    >
  | Command<"UnlinkGoverningContext", Carrying<InitiativeEventOf<"GoverningContextUnlinked">>>
  | Command<"CloseInitiative", Carrying<InitiativeEventOf<"InitiativeClosed">, { readonly today: IsoDate }>>;

export type InitiativeCommandOf<Type extends InitiativeCommand["type"]> = Extract<InitiativeCommand, { type: Type }>;
