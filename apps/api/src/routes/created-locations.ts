import { API } from "../http/route-definition.js";

/** What a 201 answer's Location is made of: the new resource's id and the write's path parameters. */
export interface Created {
  readonly id: string;
  readonly params: Readonly<Record<string, string>>;
}

const BUDGET = ({ params }: Created) => `${API}/budgets/${params.focusArea}/${params.year}`;

/**
 * docs/api.md "Writes": the `Location` of every write answered 201, by operationId: where
 * the created resource is read. Organisations, goals, readings, mandates, check-ins,
 * signals and tensions have no read of one of them: theirs is the list that holds it. A
 * decision, a next step, external funding and a contribution in kind are read in their
 * meeting or budget. all-routes.unit.spec.ts checks that each 201 route has one, and that
 * it is the path of a GET route.
 */
export const CREATED_LOCATIONS: Readonly<Record<string, (created: Created) => string>> = {
  registerOrganisation: () => `${API}/organisations`,
  mapGoverningContext: ({ params }) => `${API}/organisations/${params.id}/governing-contexts`,
  registerPerson: ({ id }) => `${API}/people/${id}`,
  registerInitiative: ({ id }) => `${API}/initiatives/${id}`,
  setGoal: ({ params }) => `${API}/initiatives/${params.id}/goals`,
  recordIndicatorReading: ({ params }) => `${API}/initiatives/${params.id}/goals/${params.goalId}/readings`,
  grantMandate: ({ params }) => `${API}/initiatives/${params.id}/mandates`,
  holdCheckIn: ({ params }) => `${API}/initiatives/${params.id}/check-ins`,
  submitSignal: () => `${API}/signals`,
  raiseTension: () => `${API}/tensions`,
  holdMeeting: ({ id }) => `${API}/meetings/${id}`,
  planMeeting: ({ id }) => `${API}/meetings/${id}`,
  recordDecision: ({ params }) => `${API}/meetings/${params.id}`,
  agreeNextStep: ({ params }) => `${API}/meetings/${params.id}`,
  proposeBudget: BUDGET,
  recordExternalFunding: BUDGET,
  recordContributionInKind: BUDGET,
};
