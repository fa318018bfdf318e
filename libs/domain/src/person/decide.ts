import { OrganisationNotRegistered } from "../organisation/errors.js";
import { assertNever } from "../shared/assert-never.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { PersonCommand } from "./commands.js";
import {
  AlreadyCoreTeamMember,
  LoginHeldByAnotherPerson,
  LoginLinkNeedsAdmin,
  LoginNotLinked,
  MembershipEndsBeforeStart,
  NotCoreTeamMember,
  PersonAlreadyRegistered,
  PersonErasedError,
  PersonNotRegistered,
} from "./errors.js";
import type { PersonEvent } from "./events.js";
import { type PersonState, loginKey } from "./state.js";

export const decidePerson = (command: PersonCommand, state: PersonState): Decision<PersonEvent> => {
  if (command.type === "RegisterPerson") {
    if (state.status !== "unregistered") return reject(new PersonAlreadyRegistered({ detail: "This person id is taken" }));
    const { organisationRegistered, ...data } = command.data;
    if (!organisationRegistered) {
      return reject(new OrganisationNotRegistered({ detail: `Organisation ${data.organisationId} is not registered` }));
    }
    return accept({ type: "PersonRegistered", data });
  }
  if (state.status === "unregistered") return reject(new PersonNotRegistered({ detail: "No such person" }));
  // Erasing again changes nothing in the log; the handler deletes the key again regardless.
  if (state.status === "erased") {
    return command.type === "ErasePerson" ? accept() : reject(new PersonErasedError({ detail: "The person has been erased" }));
  }
  switch (command.type) {
    case "StartCoreTeamMembership":
      return state.coreTeam.has(command.data.focusArea)
        ? reject(new AlreadyCoreTeamMember({ detail: `Already in the Core Team of ${command.data.focusArea}` }))
        : accept({ type: "CoreTeamMembershipStarted", data: command.data });
    case "EndCoreTeamMembership": {
      const since = state.coreTeam.get(command.data.focusArea);
      if (since === undefined) {
        return reject(new NotCoreTeamMember({ detail: `Not in the Core Team of ${command.data.focusArea}` }));
      }
      if (command.data.on < since) {
        return reject(new MembershipEndsBeforeStart({ detail: `The membership started on ${since}` }));
      }
      return accept({ type: "CoreTeamMembershipEnded", data: command.data });
    }
    case "ErasePerson":
      return accept({ type: "PersonErased", data: command.data });
    case "LinkLogin": {
      const { heldByAnotherPerson, ...data } = command.data;
      if (heldByAnotherPerson !== undefined) {
        return reject(
          new LoginHeldByAnotherPerson({ detail: `The login of ${data.issuer} is linked to ${heldByAnotherPerson}` }),
        );
      }
      // Linking a login the person already has changes nothing: a repeated first sign-in is no error.
      if (state.logins.has(loginKey(data))) return accept();
      // A verified e-mail links only a person's first login, and never one an admin took away:
      // otherwise an unlinked login would link itself again at its next request.
      if (data.linkedBy === "verified-email" && (state.logins.size > 0 || state.unlinkedLogins.has(loginKey(data)))) {
        return reject(
          new LoginLinkNeedsAdmin({
            detail: `A login of ${data.issuer} is linked by an admin here: the person has another login, or an admin unlinked this one`,
          }),
        );
      }
      return accept({ type: "PersonLoginLinked", data });
    }
    case "UnlinkLogin":
      return state.logins.has(loginKey(command.data))
        ? accept({ type: "PersonLoginUnlinked", data: command.data })
        : reject(new LoginNotLinked({ detail: `No login of ${command.data.issuer} with that subject is linked` }));
    default:
      return assertNever(command, "person command");
  }
};
