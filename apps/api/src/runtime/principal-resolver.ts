import { LoginDirectory, executeCommand, linkLoginByVerifiedEmail, loginRef, personStandingToday } from "#application";
import { type LoginRef, type Principal, type Role, loginKey } from "#domain";
import type { Identity } from "#platform";
import { describePeople, initiativesLedBy, loginHolders, peopleWithEmail } from "#projections";
import { KeyStore } from "#privacy";
import { Effect } from "effect";
import type { MandatRuntime } from "./mandat-runtime.js";

/** Who a request's token speaks for, as the server resolved it from the log. */
export interface SignedIn {
  readonly identity: Identity;
  readonly principal: Principal;
  /** Why the login has no person: not linked yet, linked to several (an admin must unlink one), or erased. */
  readonly unlinked?: "not-linked" | "ambiguous" | "erased";
  /** The focus areas whose Core Team the person is in today, as their stream said at sign-in. */
  readonly coreTeam: ReadonlyArray<string>;
}

/** How long a login that the read models do not know yet may wait for them to catch up. */
const CATCH_UP_MS = 2_000;

/** How long a login whose verified e-mail matched no one is not matched again. */
const UNMATCHED_FOR_MS = 60_000;

/** Logins seen within the last `forMs`, forgotten after; bounded by how many sign in in that time. */
class RecentLogins {
  private readonly seen = new Map<string, number>();
  constructor(private readonly forMs: number) {}

  has(login: LoginRef): boolean {
    const at = this.seen.get(loginKey(login));
    return at !== undefined && Date.now() - at < this.forMs;
  }

  add(login: LoginRef): void {
    const now = Date.now();
    for (const [key, at] of this.seen) if (now - at >= this.forMs) this.seen.delete(key);
    this.seen.set(loginKey(login), now);
  }

  delete(login: LoginRef): void {
    this.seen.delete(loginKey(login));
  }
}

/** The sign-in itself records a link by verified e-mail: an actor of the server, not of a client. */
const SIGN_IN: Principal = { id: "mandat-sign-in", roles: ["admin"] };

/**
 * Turns a verified identity into a principal, from the log: the person its login is linked
 * to; the Core Team role from that person's own stream, read now (so an ended membership
 * takes effect on the next request); the lead role while the person leads an open
 * initiative (whether they lead a particular one each command checks against its stream).
 * Admin and auditor are as the identity provider says.
 */
export class PrincipalResolver {
  constructor(private readonly runtime: MandatRuntime) {}

  private readonly unmatched = new RecentLogins(UNMATCHED_FOR_MS);

  /**
   * Who holds a login, once the read models have caught up with the log: linking a login
   * another person holds is refused (two links racing past each other are told apart at
   * sign-in, which refuses a login linked to two people).
   */
  readonly logins: LoginDirectory["Type"] = {
    holderOf: (login) =>
      Effect.promise(async () => {
        await this.runtime.readModelsAtHead(CATCH_UP_MS);
        return this.holdersOf(login)[0];
      }),
  };

  /** Bound, so that it can be handed around as a function. */
  readonly resolve = async (identity: Identity): Promise<SignedIn> => {
    const login = loginRef(identity.issuer, identity.subject);
    let holders = this.holdersOf(login);
    // A login linked a moment ago may not have reached the read models: wait once, briefly.
    // Not for an admin or auditor of the identity provider, who is usually no person of the
    // log and would otherwise wait on every request.
    if (holders.length === 0 && identity.roles.length === 0) {
      await this.runtime.readModelsAtHead(CATCH_UP_MS);
      holders = this.holdersOf(login);
    }
    if (holders.length === 0 && this.runtime.config.identity.linkByVerifiedEmail && !this.unmatched.has(login)) {
      const linked = await this.linkByVerifiedEmail(identity, login);
      if (linked) holders = [linked];
    }
    if (holders.length !== 1) {
      if (holders.length > 1) return this.withoutPerson(identity, "ambiguous");
      const erased = loginHolders(this.runtime.readModels, login).some((holder) => holder.erased);
      return this.withoutPerson(identity, erased ? "erased" : "not-linked");
    }
    const personId = holders[0]!;
    const standing = await this.runtime.run(personStandingToday(personId));
    if (standing.erased) return this.withoutPerson(identity, "erased");
    // The read model found the holder; the person's own stream has the last word, so an
    // unlink takes effect at once even if the read model is behind or has stopped.
    if (!standing.logins.has(loginKey(login))) return this.withoutPerson(identity, "not-linked");
    const roles: Role[] = [...identity.roles];
    if (standing.coreTeam.size > 0) roles.push("core-team");
    if (initiativesLedBy(this.runtime.readModels, personId).length > 0) roles.push("initiative-lead");
    return { identity, principal: { id: personId, personId, roles, ...nameOf(identity) }, coreTeam: [...standing.coreTeam] };
  };

  /** The people holding a login who are not erased: an erased person's logins act for no one. */
  private holdersOf(login: LoginRef): string[] {
    return loginHolders(this.runtime.readModels, login)
      .filter((holder) => !holder.erased)
      .map((holder) => holder.personId);
  }

  private withoutPerson(identity: Identity, unlinked: NonNullable<SignedIn["unlinked"]>): SignedIn {
    return {
      identity,
      unlinked,
      principal: { id: identity.subject, roles: [...identity.roles], ...nameOf(identity) },
      coreTeam: [],
    };
  }

  /**
   * Where the deployment allows it, a first sign-in whose verified e-mail is that of exactly
   * one registered person links the login to them, recorded as an event on their stream.
   */
  private async linkByVerifiedEmail(identity: Identity, login: LoginRef): Promise<string | undefined> {
    const email = identity.email?.trim().toLowerCase();
    if (!identity.emailVerified || !email) return undefined;
    // Matching opens every registered e-mail with its key: a login that matched no one is
    // not tried again for a while, however often it asks.
    this.unmatched.add(login);
    const people = await this.runtime.run(
      Effect.flatMap(KeyStore, (keys) => describePeople(this.runtime.readModels, keys, peopleWithEmail(this.runtime.readModels))),
    );
    const matches = [...people.values()].filter((person) => !person.erased && person.email?.trim().toLowerCase() === email);
    if (matches.length !== 1) return undefined;
    const personId = matches[0]!.personId;
    // Refused (the person has another login, an admin unlinked this one, someone else holds
    // it) or failed: the login stays unlinked, and is not tried again for a while.
    const linked = await this.runtime
      .run(
        Effect.provideService(
          executeCommand(linkLoginByVerifiedEmail, {
            input: { personId, issuer: login.issuer, subject: identity.subject },
            principal: SIGN_IN,
          }),
          LoginDirectory,
          this.logins,
        ),
      )
      .then(
        () => true,
        () => false,
      );
    if (!linked) return undefined;
    this.unmatched.delete(login);
    return personId;
  }
}

const nameOf = (identity: Identity) => (identity.name === undefined ? {} : { name: identity.name });
