import { endCoreTeamMembership, erasePerson, registerPerson, startCoreTeamMembership } from "#application";
import { hasAnyRole } from "#domain";
import { describePeopleReadModels } from "#projections";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { freshQuery } from "../http/time-parameters.js";
import { describePeople } from "../runtime/describe-people.js";
import { idParam } from "./common.js";

const tag = "People";

/** Who may register people may also read their e-mail address. */
export const PEOPLE_ADMINISTRATORS = registerPerson.roles;

/** What every command on a registered person shares: its `:id` is the personId. */
const onThePerson = { tag, id: "personId" } as const;

export const peopleRoutes = {
  register: commandRoute(registerPerson, {
    path: `${API}/people`,
    operationId: "registerPerson",
    summary: "Register a person; name and e-mail are sealed with the person's own key",
    tag,
  }),
  describe: readRoute({
    path: `${API}/people/:id`,
    operationId: "describePerson",
    summary: "A person with their name as it can be opened now; an erased person reads as a placeholder (not in API.md v1)",
    tag,
    scope: `The e-mail address only for ${PEOPLE_ADMINISTRATORS.join(" and ")}.`,
    params: idParam,
    query: freshQuery,
    // The name is opened with the person's key: the key store can be unavailable.
    problems: [...READ_PROBLEMS, "not-found", "store-unavailable"],
    read: ({ params }, principal) =>
      readFrom(describePeopleReadModels, async (runtime) => {
        const person = (await describePeople(runtime, [params.id])).get(params.id);
        // Without an organisation the id was never registered: describePeople names it "unknown".
        if (!person || person.organisationId === null) return undefined;
        const { personId, organisationId, name, email, erased } = person;
        const mayReadEmail = hasAnyRole(principal, PEOPLE_ADMINISTRATORS);
        return { id: personId, organisationId, name, ...(mayReadEmail && email !== undefined ? { email } : {}), erased };
      }),
  }),
  erase: commandRoute(erasePerson, {
    ...onThePerson,
    path: `${API}/people/:id/erasure`,
    operationId: "erasePerson",
    summary: "Erase a person's personal data by deleting their key; the log and its hashes stay whole (not in API.md v1)",
  }),
  startCoreTeamMembership: commandRoute(startCoreTeamMembership, {
    ...onThePerson,
    path: `${API}/people/:id/core-team-membership`,
    operationId: "startCoreTeamMembership",
    summary: "The person joins the Core Team of a focus area (not in API.md v1)",
  }),
  endCoreTeamMembership: commandRoute(endCoreTeamMembership, {
    ...onThePerson,
    path: `${API}/people/:id/core-team-membership/end`,
    operationId: "endCoreTeamMembership",
    summary: "The person leaves the Core Team of a focus area; `on` is their last day (not in API.md v1)",
  }),
};
