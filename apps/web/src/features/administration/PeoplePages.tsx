import { useFocusAreaName } from "../../i18n/focus-area-name";
import { CoreTeamMembershipInput, LoginInput, RegisterPersonInput } from "#application/inputs";
import type { ReactNode } from "react";
import { Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { QueryState } from "../../components/QueryState";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate } from "../../router";
import { adminPaths, afterSaving } from "./admin-paths";
import { FocusAreaField, focusAreaOf } from "./FocusAreaField";
import { messages } from "./messages";
import { personHistory } from "./person-history";
import { useAdminPeople, useAdminPerson, useOrganisations, usePersonEvents } from "./queries";
import { AdminForm, AdminHeading, AdminSaved, useOrganisationName } from "./shared";
import type { AdminPerson } from "./types";

export const personPath = (id: string) => `/api/v1/people/${encodeURIComponent(id)}`;

/** /administration/personer: the people directory, in the order registered, erased people marked. */
export function PeoplePage() {
  const m = useMessages(messages);
  const people = useAdminPeople();
  const organisationName = useOrganisationName();
  return (
    <>
      <AdminHeading title={m.people} back={{ href: adminPaths.home, label: m.backToAdministration }} />
      <p>{m.peopleIntro}</p>
      <p>
        <Link href={adminPaths.registerPerson} className="button">
          {m.registerPerson}
        </Link>
      </p>
      <QueryState query={people}>
        {(list) =>
          list.length === 0 ? (
            <p>{m.noPeople}</p>
          ) : (
            <ul className="cards" aria-label={m.people}>
              {list.map((person) => (
                <li key={person.id}>
                  <p>
                    <Link href={adminPaths.person(person.id)}>{person.name}</Link>
                    {person.erased && <> ({m.erasedLabel.toLowerCase()})</>}
                  </p>
                  <p>
                    {organisationName(person.organisationId)}
                    {person.email && <> · {person.email}</>}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

interface PersonDraft extends Record<string, string> {
  organisationId: string;
  name: string;
  email: string;
}

/** /administration/personer/ny: register a person; name and e-mail are sealed with their own key. */
export function RegisterPersonPage() {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const organisations = useOrganisations();
  const form = useCommandForm<PersonDraft, z.output<typeof RegisterPersonInput>, WriteAnswer>({
    initial: { organisationId: "", name: "", email: "" },
    schema: RegisterPersonInput,
    toInput: (draft) => ({
      organisationId: draft.organisationId || undefined,
      name: draft.name.trim(),
      email: draft.email.trim() || undefined,
    }),
    send: (input) => write<WriteAnswer>("/api/v1/people", input, language),
    onDone: (answer) => navigate(afterSaving(adminPaths.person(answer.id), "person")),
    missing: m.personMissing,
    forbidden: m.notAllowed,
    fieldOfRule: { "/problems/organisation-not-registered": "organisationId" },
  });
  const { draft, set, errors } = form;
  return (
    <>
      <AdminHeading title={m.registerPerson} back={{ href: adminPaths.people, label: m.backToPeople }} />
      <p>{m.personalDataSealed}</p>
      <AdminForm
        label={m.registerPerson}
        notSaved={m.personNotSaved}
        summary={form.summary}
        onSubmit={(event) => void form.submit(event)}
        sending={form.sending}
        submitLabel={m.personSubmit}
        cancelHref={adminPaths.people}
      >
        <ChoiceField
          id="organisationId"
          label={m.organisation}
          value={draft.organisationId}
          onChange={set("organisationId")}
          options={(organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          error={errors.organisationId}
        />
        <TextInputField id="name" label={m.personName} value={draft.name} onChange={set("name")} error={errors.name} />
        <TextInputField id="email" label={m.email} value={draft.email} onChange={set("email")} error={errors.email} />
      </AdminForm>
    </>
  );
}

/** A person read, for their page and the forms about them. */
function WithPerson({ id, children }: { id: string; children: (person: AdminPerson) => ReactNode }) {
  const person = useAdminPerson(id);
  return <QueryState query={person}>{children}</QueryState>;
}

/** /administration/personer/{id}: who the person is, and what an admin may do about them. */
export function PersonPage({ id }: { id: string }) {
  const focusAreaName = useFocusAreaName();
  const m = useMessages(messages);
  const { language } = useLanguage();
  const person = useAdminPerson(id);
  const events = usePersonEvents(id);
  const organisationName = useOrganisationName();
  return (
    <>
      <AdminHeading title={person.data?.name ?? m.person} back={{ href: adminPaths.people, label: m.backToPeople }} />
      <AdminSaved />
      <QueryState query={person}>
        {(found) => (
          <>
            <dl className="facts">
              <dt>{m.organisation}</dt>
              <dd>{organisationName(found.organisationId)}</dd>
              <dt>{m.emailLabel}</dt>
              <dd>{found.email ?? m.noEmail}</dd>
            </dl>
            {found.erased ? (
              <>
                <p className="admin-erased">{m.erasedNote}</p>
                <p>{m.erasedPersonNoChanges}</p>
              </>
            ) : (
              <>
                <section aria-labelledby="logins-title">
                  <h2 id="logins-title">{m.logins}</h2>
                  <p>{m.loginsIntro}</p>
                  <QueryState query={events}>
                    {(list) => {
                      const { logins } = personHistory(list);
                      return logins.length === 0 ? (
                        <p>{m.noLogins}</p>
                      ) : (
                        <ul aria-label={m.logins}>
                          {logins.map((login) => (
                            <li key={`${login.issuer} ${login.subjectDigest}`}>
                              {m.loginLinked(login.issuer, formatDate(login.linkedAt, language), login.linkedBy)}
                            </li>
                          ))}
                        </ul>
                      );
                    }}
                  </QueryState>
                  <ul className="admin-actions">
                    <li>
                      <Link href={adminPaths.linkLogin(id)}>{m.linkLogin}</Link>
                    </li>
                    <li>
                      <Link href={adminPaths.unlinkLogin(id)}>{m.unlinkLogin}</Link>
                    </li>
                  </ul>
                </section>
                <section aria-labelledby="membership-title">
                  <h2 id="membership-title">{m.membership}</h2>
                  <p>{m.membershipIntro}</p>
                  <QueryState query={events}>
                    {(list) => {
                      const { memberships } = personHistory(list);
                      return memberships.length === 0 ? (
                        <p>{m.notInCoreTeam}</p>
                      ) : (
                        <ul aria-label={m.membership}>
                          {memberships.map((membership, index) => (
                            <li key={index}>
                              {m.membershipLine(
                                focusAreaName(membership.focusArea),
                                formatDate(membership.from, language),
                                membership.until && formatDate(membership.until, language),
                              )}
                            </li>
                          ))}
                        </ul>
                      );
                    }}
                  </QueryState>
                  <ul className="admin-actions">
                    <li>
                      <Link href={adminPaths.startMembership(id)}>{m.startMembership}</Link>
                    </li>
                    <li>
                      <Link href={adminPaths.endMembership(id)}>{m.endMembership}</Link>
                    </li>
                  </ul>
                </section>
                <section aria-labelledby="erase-title">
                  <h2 id="erase-title">{m.erasePerson}</h2>
                  <p>{m.personalDataSealed}</p>
                  <p>
                    <Link href={adminPaths.erasePerson(id)} className="button admin-danger">
                      {m.erasePerson}
                    </Link>
                  </p>
                </section>
              </>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

interface LoginDraft extends Record<string, string> {
  issuer: string;
  subject: string;
}

function LoginForm({ person, unlink }: { person: AdminPerson; unlink: boolean }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const back = adminPaths.person(person.id);
  const form = useCommandForm<LoginDraft, z.output<typeof LoginInput>, WriteAnswer>({
    initial: { issuer: "", subject: "" },
    schema: LoginInput,
    toInput: (draft) => ({ personId: person.id, issuer: draft.issuer.trim(), subject: draft.subject.trim() }),
    send: ({ personId, ...body }) =>
      write<WriteAnswer>(`${personPath(personId)}/${unlink ? "logins/removal" : "logins"}`, body, language),
    onDone: () => navigate(afterSaving(back, unlink ? "inloggning-borttagen" : "inloggning")),
    missing: m.loginMissing,
    forbidden: m.notAllowed,
    fieldOfRule: { "/problems/login-held-by-another-person": "subject", "/problems/login-not-linked": "subject" },
  });
  const { draft, set, errors } = form;
  return (
    <AdminForm
      label={unlink ? m.unlinkLogin : m.linkLogin}
      notSaved={unlink ? m.unlinkLoginNotSaved : m.loginNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={unlink ? m.unlinkLoginSubmit : m.loginSubmit}
      cancelHref={back}
    >
      <TextInputField id="issuer" label={m.issuer} value={draft.issuer} onChange={set("issuer")} error={errors.issuer} />
      <TextInputField id="subject" label={m.subject} value={draft.subject} onChange={set("subject")} error={errors.subject} />
    </AdminForm>
  );
}

/** /administration/personer/{id}/ny-inloggning and …/ta-bort-inloggning: link or unlink a login. */
export function LoginPage({ id, unlink }: { id: string; unlink: boolean }) {
  const m = useMessages(messages);
  return (
    <>
      <AdminHeading title={unlink ? m.unlinkLogin : m.linkLogin} back={{ href: adminPaths.person(id), label: m.backToPerson }} />
      <WithPerson id={id}>
        {(person) => (
          <>
            <p>
              {m.person}: {person.name}
            </p>
            <p>{m.loginHelp}</p>
            {unlink && <p>{m.unlinkLoginIntro}</p>}
            {person.erased ? <p>{m.erasedPersonNoChanges}</p> : <LoginForm person={person} unlink={unlink} />}
          </>
        )}
      </WithPerson>
    </>
  );
}

interface MembershipDraft extends Record<string, string> {
  focusArea: string;
  focusAreaOther: string;
  on: string;
}

function MembershipForm({ person, end }: { person: AdminPerson; end: boolean }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const back = adminPaths.person(person.id);
  const form = useCommandForm<MembershipDraft, z.output<typeof CoreTeamMembershipInput>, WriteAnswer>({
    initial: { focusArea: "", focusAreaOther: "", on: todayInStockholm() },
    schema: CoreTeamMembershipInput,
    toInput: (draft) => ({ personId: person.id, focusArea: focusAreaOf(draft), on: draft.on || undefined }),
    send: ({ personId, ...body }) =>
      write<WriteAnswer>(`${personPath(personId)}/core-team-membership${end ? "/end" : ""}`, body, language),
    onDone: () => navigate(afterSaving(back, end ? "core-team-slut" : "core-team")),
    missing: m.membershipMissing,
    forbidden: m.notAllowed,
    fieldOfRule: {
      "/problems/already-core-team-member": "focusArea",
      "/problems/not-core-team-member": "focusArea",
      "/problems/membership-ends-before-start": "on",
    },
  });
  const { draft, set, errors } = form;
  return (
    <AdminForm
      label={end ? m.endMembership : m.startMembership}
      notSaved={m.membershipNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={end ? m.endSubmit : m.startSubmit}
      cancelHref={back}
    >
      <FocusAreaField
        value={draft.focusArea}
        other={draft.focusAreaOther}
        onChange={set("focusArea")}
        onOtherChange={set("focusAreaOther")}
        error={errors.focusArea}
      />
      <TextInputField
        id="on"
        label={end ? m.endOn : m.startOn}
        value={draft.on}
        onChange={set("on")}
        error={errors.on}
        type="date"
      />
    </AdminForm>
  );
}

/** /administration/personer/{id}/core-team and …/core-team/avsluta: start or end a Core Team membership. */
export function MembershipPage({ id, end }: { id: string; end: boolean }) {
  const m = useMessages(messages);
  return (
    <>
      <AdminHeading
        title={end ? m.endMembership : m.startMembership}
        back={{ href: adminPaths.person(id), label: m.backToPerson }}
      />
      <WithPerson id={id}>
        {(person) => (
          <>
            <p>
              {m.person}: {person.name}
            </p>
            <p>{m.membershipIntro}</p>
            {person.erased ? <p>{m.erasedPersonNoChanges}</p> : <MembershipForm person={person} end={end} />}
          </>
        )}
      </WithPerson>
    </>
  );
}
