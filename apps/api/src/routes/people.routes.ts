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
  type Role,
} from "#domain";
import type { ParsedRequest, RouteDefinition } from "../http/route-definition.js";
import { freshQuery } from "../http/time-parameters.js";
import { API, COMMAND_PROBLEMS, READ_PROBLEMS, WriteAnswer, idParam, rules } from "./common.js";

const tag = "People";

/** Who may register people, change them, and read their e-mail address. */
export const PEOPLE_ADMINISTRATORS: ReadonlyArray<Role> = ["admin", "core-team"];

const onPerson = ({ params, body }: ParsedRequest) => ({ personId: params.id, ...body });

export const peopleRoutes = {
  register: {
    method: "POST",
    path: `${API}/people`,
    operationId: "registerPerson",
    summary: "Register a person; name and e-mail are sealed with the person's own key",
    tag,
    audience: PEOPLE_ADMINISTRATORS,
    body: RegisterPersonInput,
    response: WriteAnswer,
    status: 201,
    problems: [...COMMAND_PROBLEMS, ...rules(OrganisationNotRegistered)],
    command: { spec: registerPerson, input: ({ body }) => body },
  },
  describe: {
    method: "GET",
    path: `${API}/people/:id`,
    operationId: "describePerson",
    summary: "A person with their name as it can be opened now; an erased person reads as a placeholder (not in API.md v1)",
    tag,
    audience: "authenticated",
    scope: "The e-mail address only for admin and core-team.",
    params: idParam,
    query: freshQuery,
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
  erase: {
    method: "POST",
    path: `${API}/people/:id/erasure`,
    operationId: "erasePerson",
    summary: "Erase a person's personal data by deleting their key; the log and its hashes stay whole (not in API.md v1)",
    tag,
    audience: PEOPLE_ADMINISTRATORS,
    params: idParam,
    body: ErasePersonInput,
    response: WriteAnswer,
    status: 200,
    problems: [...COMMAND_PROBLEMS, ...rules(PersonErasedError)],
    command: { spec: erasePerson, input: onPerson },
  },
  startCoreTeamMembership: {
    method: "POST",
    path: `${API}/people/:id/core-team-membership`,
    operationId: "startCoreTeamMembership",
    summary: "The person joins the Core Team of a focus area (not in API.md v1)",
    tag,
    audience: PEOPLE_ADMINISTRATORS,
    params: idParam,
    body: CoreTeamMembershipInput,
    response: WriteAnswer,
    status: 200,
    problems: [...COMMAND_PROBLEMS, ...rules(PersonErasedError, AlreadyCoreTeamMember)],
    command: { spec: startCoreTeamMembership, input: onPerson },
  },
  endCoreTeamMembership: {
    method: "POST",
    path: `${API}/people/:id/core-team-membership/end`,
    operationId: "endCoreTeamMembership",
    summary: "The person leaves the Core Team of a focus area; `on` is their last day (not in API.md v1)",
    tag,
    audience: PEOPLE_ADMINISTRATORS,
    params: idParam,
    body: CoreTeamMembershipInput,
    response: WriteAnswer,
    status: 200,
    problems: [...COMMAND_PROBLEMS, ...rules(PersonErasedError, NotCoreTeamMember, MembershipEndsBeforeStart)],
    command: { spec: endCoreTeamMembership, input: onPerson },
  },
} satisfies Record<string, RouteDefinition>;
