import { endCoreTeamMembership, erasePerson, registerPerson, startCoreTeamMembership } from "#application";
import {
  AlreadyCoreTeamMember,
  CoreTeamMembershipInput,
  ErasePersonInput,
  MembershipEndsBeforeStart,
  NotCoreTeamMember,
  OrganisationNotRegistered,
  PersonErasedError,
  RegisterPersonInput,
} from "#domain";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { freshQuery } from "../http/time-parameters.js";
import { READ_PROBLEMS, commandRoute, idParam } from "./common.js";

const tag = "People";

/** Who may register people may also read their e-mail address. */
export const PEOPLE_ADMINISTRATORS = registerPerson.roles;

/** What every command on a registered person shares: its `:id` is the personId. */
const onThePerson = { tag, params: idParam, pathId: "personId" } as const;

export const peopleRoutes = {
  register: commandRoute(registerPerson, {
    path: `${API}/people`,
    operationId: "registerPerson",
    summary: "Register a person; name and e-mail are sealed with the person's own key",
    tag,
    body: RegisterPersonInput,
    rules: [OrganisationNotRegistered],
  }),
  describe: {
    method: "GET",
    path: `${API}/people/:id`,
    operationId: "describePerson",
    summary: "A person with their name as it can be opened now; an erased person reads as a placeholder (not in API.md v1)",
    tag,
    audience: "authenticated",
    scope: `The e-mail address only for ${PEOPLE_ADMINISTRATORS.join(" and ")}.`,
    params: idParam,
    query: freshQuery,
    status: 200,
    // The name is opened with the person's key: the key store can be unavailable.
    problems: [...READ_PROBLEMS, "not-found", "store-unavailable"],
  },
  erase: commandRoute(erasePerson, {
    ...onThePerson,
    path: `${API}/people/:id/erasure`,
    operationId: "erasePerson",
    summary: "Erase a person's personal data by deleting their key; the log and its hashes stay whole (not in API.md v1)",
    body: ErasePersonInput,
    rules: [PersonErasedError],
  }),
  startCoreTeamMembership: commandRoute(startCoreTeamMembership, {
    ...onThePerson,
    path: `${API}/people/:id/core-team-membership`,
    operationId: "startCoreTeamMembership",
    summary: "The person joins the Core Team of a focus area (not in API.md v1)",
    body: CoreTeamMembershipInput,
    rules: [PersonErasedError, AlreadyCoreTeamMember],
  }),
  endCoreTeamMembership: commandRoute(endCoreTeamMembership, {
    ...onThePerson,
    path: `${API}/people/:id/core-team-membership/end`,
    operationId: "endCoreTeamMembership",
    summary: "The person leaves the Core Team of a focus area; `on` is their last day (not in API.md v1)",
    body: CoreTeamMembershipInput,
    rules: [PersonErasedError, NotCoreTeamMember, MembershipEndsBeforeStart],
  }),
} satisfies Record<string, RouteDefinition>;
