import {
  endCoreTeamMembership,
  erasePerson,
  linkLogin,
  registerPerson,
  startCoreTeamMembership,
  unlinkLogin,
} from "#application";
import { type Principal, anId, hasAnyRole, personStream } from "#domain";
import { type PersonView, describePeopleReadModels, peopleDirectory } from "#projections";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { PagedAnswer, pageQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { asOfQuery, freshQuery } from "../http/time-parameters.js";
import { describePeople } from "../runtime/describe-people.js";
import { idParam } from "./common.js";

const tag = "People";

/** Who may register people may also read their e-mail address. */
export const PEOPLE_ADMINISTRATORS = registerPerson.roles;

const Person = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string().describe("Opened with the person's key at reading; a placeholder once the person is erased"),
  email: z
    .string()
    .optional()
    .describe(`Only for ${PEOPLE_ADMINISTRATORS.join(" and ")}`),
  erased: z.boolean(),
});

/** A registered person as every people read answers them: the e-mail address only for the administrators. */
const personAnswer = (person: PersonView & { organisationId: string }, principal: Principal): z.infer<typeof Person> => {
  const { personId, organisationId, name, email, erased } = person;
  const mayReadEmail = hasAnyRole(principal, PEOPLE_ADMINISTRATORS);
  return { id: personId, organisationId, name, ...(mayReadEmail && email !== undefined ? { email } : {}), erased };
};

const directoryQuery = z.strictObject({
  organisationId: anId().optional().describe("Only the people of this organisation"),
  ...asOfQuery.shape,
  ...pageQuery.shape,
});

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
    response: Person,
    summary: "A person with their name as it can be opened now; an erased person reads as a placeholder",
    tag,
    scope: `The e-mail address only for ${PEOPLE_ADMINISTRATORS.join(" and ")}.`,
    params: idParam,
    query: freshQuery,
    stream: (params) => personStream(params.id),
    // The name is opened with the person's key: the key store can be unavailable.
    problems: [...READ_PROBLEMS, "not-found", "store-unavailable"],
    read: ({ params }, principal) =>
      readFrom(describePeopleReadModels, async (runtime) => {
        const person = (await describePeople(runtime, [params.id])).get(params.id);
        // Without an organisation the id was never registered: describePeople names it "unknown".
        if (!person || person.organisationId === null) return undefined;
        return personAnswer({ ...person, organisationId: person.organisationId }, principal);
      }),
  }),
  directory: readRoute({
    path: `${API}/people`,
    operationId: "peopleDirectory",
    summary: "The people registered by asOf, in the order registered, names opened with their keys",
    tag,
    scope: `The e-mail addresses only for ${PEOPLE_ADMINISTRATORS.join(" and ")}.`,
    query: directoryQuery,
    response: z.array(Person),
    // The names are opened with the people's keys: the key store can be unavailable.
    problems: [...READ_PROBLEMS, "store-unavailable"],
    read: ({ query }, principal) =>
      readFrom(describePeopleReadModels, async (runtime) => {
        const { page } = paged(pageRequest(query), (request) =>
          peopleDirectory(runtime.readModels, { organisationId: query.organisationId, asOf: query.asOf, page: request }),
        );
        const people = await describePeople(runtime, page.items);
        // Every id of the directory is registered: describePeople found its organisation.
        const items = page.items.map((id) => {
          const person = people.get(id)!;
          return personAnswer({ ...person, organisationId: person.organisationId! }, principal);
        });
        return new PagedAnswer({ items, nextAfter: page.nextAfter });
      }),
  }),
  erase: commandRoute(erasePerson, {
    ...onThePerson,
    path: `${API}/people/:id/erasure`,
    operationId: "erasePerson",
    summary: "Erase a person's personal data by deleting their key; the log and its hashes stay whole",
  }),
  startCoreTeamMembership: commandRoute(startCoreTeamMembership, {
    ...onThePerson,
    path: `${API}/people/:id/core-team-membership`,
    operationId: "startCoreTeamMembership",
    summary: "The person joins the Core Team of a focus area",
  }),
  endCoreTeamMembership: commandRoute(endCoreTeamMembership, {
    ...onThePerson,
    path: `${API}/people/:id/core-team-membership/end`,
    operationId: "endCoreTeamMembership",
    summary: "The person leaves the Core Team of a focus area; `on` is their last day",
  }),
  linkLogin: commandRoute(linkLogin, {
    ...onThePerson,
    path: `${API}/people/:id/logins`,
    operationId: "linkLogin",
    summary:
      "Link a login of the identity provider (its `iss` and `sub`) to the person: from the next request on, tokens of that login act as them",
  }),
  unlinkLogin: commandRoute(unlinkLogin, {
    ...onThePerson,
    path: `${API}/people/:id/logins/removal`,
    operationId: "unlinkLogin",
    summary: "Unlink a login from the person: its next request has no rights of theirs",
  }),
};
