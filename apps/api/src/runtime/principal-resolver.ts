import { LoginDirectory, executeCommand, linkLoginByVerifiedEmail, loginRef, personStandingToday } from "#application";
import { type LoginRef, type Principal, type Role, loginKey } from "#domain";
import type { Identity } from "#platform";
import { describePeople, initiativesLedBy, loginHolders, peopleWithEmail } from "#projections";
import { KeyStore } from "#privacy";
import { Effect } from "effect";
import type { MandatRuntime } from "./mandat-runtime.js";
import { today } from "./today.js";
import { VersionedCache } from "./versioned-cache.js";

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

/** How many logins' standings are kept: more than sign in within the time a write or two takes. */
const STANDINGS_KEPT = 10_000;

/** The sign-in itself records a link by verified e-mail: an actor of the server, not of a client. */
const SIGN_IN: Principal = { id: "mandat-sign-in", roles: ["admin"] };

/**
 * Turns a verified identity into a principal, from the log: the person its login is linked
 * to; the Core Team role from that person's own stream, read now (so an ended membership
 * takes effect on the next request); the lead role while the person leads an open
 * initiative (whether they lead a particular one each command checks against its stream).
 * Admin and auditor are as the identity provider says. "Read now" may be "kept from an
 * earlier request, with nothing appended to the log nor applied to the read models since":
 * the same reads would answer the same.
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

  /**
   * What the log said each login acts as, kept at the version of the log and the read
   * models it was read from (see `versionNow`): a request signed in as a moment ago reads
   * nothing more than that version, and one after any write reads afresh.
   */
  private readonly standings = new VersionedCache<Promise<LoginStanding>>(STANDINGS_KEPT);

  /** The login of each identity the verifier answered (see `loginOf`); forgotten with the identity. */
  private readonly loginsOfIdentities = new WeakMap<Identity, { readonly login: LoginRef; readonly key: string }>();

  /** Bound, so that it can be handed around as a function. */
  readonly resolve = async (identity: Identity): Promise<SignedIn> => {
    const { login, key } = this.loginOf(identity);
    const version = await this.versionNow();
    const kept = this.standings.get(key, version);
    if (kept) return signedInAs(identity, await kept);
    const holders = this.holdersOf(login);
    // Not kept: what an unknown login resolves to depends on the token too (its roles, its
    // verified e-mail) and on how long ago it last matched no one.
    if (holders.length === 0) return signedInAs(identity, await this.standingOfUnheldLogin(identity, login));
    return signedInAs(identity, await this.standings.answer(key, version, () => this.standingOf(login, holders)));
  };

  /**
   * The login an identity signs in with, and its key. The verifier answers a token it
   * accepted before with the same identity object, so the subject's digest is taken once per
   * token rather than once per request.
   */
  private loginOf(identity: Identity): { readonly login: LoginRef; readonly key: string } {
    let known = this.loginsOfIdentities.get(identity);
    if (known === undefined) {
      const login = loginRef(identity.issuer, identity.subject);
      known = { login, key: loginKey(login) };
      this.loginsOfIdentities.set(identity, known);
    }
    return known;
  }

  /**
   * Everything a login's standing is read from, as it stands now: the date (a Core Team
   * membership ends on a day), the log's change counter or head (any event appended by any
   * process, to the person's stream among them, changes it), and the read models' change
   * counter (the login holders and the leads are read from them). Read before the standing
   * is, so a standing kept at this version is never older than it.
   */
  private async versionNow(): Promise<string> {
    const log = this.runtime.changes.log() ?? (await this.runtime.headPosition());
    return `${today()}/${log}/${this.runtime.changes.readModels()}`;
  }

  /**
   * A login the read models know no one by: wait once, briefly, for them to catch up with
   * a link of a moment ago; where the deployment allows, link it by its verified e-mail.
   */
  private async standingOfUnheldLogin(identity: Identity, login: LoginRef): Promise<LoginStanding> {
    let holders: string[] = [];
    // Not for an admin or auditor of the identity provider, who is usually no person of the
    // log and would otherwise wait on every request.
    if (identity.roles.length === 0) {
      await this.runtime.readModelsAtHead(CATCH_UP_MS);
      holders = this.holdersOf(login);
    }
    if (holders.length === 0 && this.runtime.config.identity.linkByVerifiedEmail && !this.unmatched.has(login)) {
      const linked = await this.linkByVerifiedEmail(identity, login);
      if (linked) holders = [linked];
    }
    return this.standingOf(login, holders);
  }

  /** What the holders of a login (as the read models name them) make of it, the person's own stream having the last word. */
  private async standingOf(login: LoginRef, holders: ReadonlyArray<string>): Promise<LoginStanding> {
    if (holders.length !== 1) {
      if (holders.length > 1) return { unlinked: "ambiguous" };
      const erased = loginHolders(this.runtime.readModels, login).some((holder) => holder.erased);
      return { unlinked: erased ? "erased" : "not-linked" };
    }
    const personId = holders[0]!;
    const standing = await this.runtime.run(personStandingToday(personId));
    if (standing.erased) return { unlinked: "erased" };
    // The read model found the holder; the person's own stream has the last word, so an
    // unlink takes effect at once even if the read model is behind or has stopped.
    if (!standing.logins.has(loginKey(login))) return { unlinked: "not-linked" };
    return { personId, coreTeam: [...standing.coreTeam], leads: initiativesLedBy(this.runtime.readModels, personId).length > 0 };
  }

  /** The people holding a login who are not erased: an erased person's logins act for no one. */
  private holdersOf(login: LoginRef): string[] {
    return loginHolders(this.runtime.readModels, login)
      .filter((holder) => !holder.erased)
      .map((holder) => holder.personId);
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

/** What the log says a login acts as: a person, with the rights the log gives them, or no one, and why. */
type LoginStanding =
  | { readonly personId: string; readonly coreTeam: ReadonlyArray<string>; readonly leads: boolean }
  | { readonly unlinked: NonNullable<SignedIn["unlinked"]> };

/** The principal a token acts as: the roles its identity provider grants, and those the log gives its person. */
function signedInAs(identity: Identity, standing: LoginStanding): SignedIn {
  if ("unlinked" in standing) {
    const principal = { id: identity.subject, roles: [...identity.roles], ...nameOf(identity) };
    return { identity, unlinked: standing.unlinked, principal, coreTeam: [] };
  }
  const { personId, coreTeam, leads } = standing;
  const roles: Role[] = [...identity.roles];
  if (coreTeam.length > 0) roles.push("core-team");
  if (leads) roles.push("initiative-lead");
  return { identity, principal: { id: personId, personId, roles, ...nameOf(identity) }, coreTeam: [...coreTeam] };
}

const nameOf = (identity: Identity) => (identity.name === undefined ? {} : { name: identity.name });
