import { useFocusAreaName } from "../../i18n/focus-area-name";
import { AssignLeadInput, RegisterInitiativeInput, UnassignLeadInput } from "#application/inputs";
import { CheckboxGroup, Checkbox, FieldError, Label, Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import { initiativePath, useInitiative } from "../../api/queries";
import type { InitiativeOverview, WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { QueryState } from "../../components/QueryState";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { byName } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate, paths } from "../../router";
import { adminPaths, afterSaving } from "./admin-paths";
import { FocusAreaField, focusAreaOf } from "./FocusAreaField";
import { messages } from "./messages";
import { useAdminInitiatives, useAdminPeople, useInitiativeContexts, useOrganisations } from "./queries";
import { AdminForm, AdminHeading, AdminSaved, useOrganisationName, ReasonField } from "./shared";

const LEAD_ROLES = ["lead", "co-lead", "key-role"] as const;

/** /administration/initiativ: every initiative by name, with its focus area and organisations. */
export function InitiativesPage() {
  const focusAreaName = useFocusAreaName();
  const m = useMessages(messages);
  const initiatives = useAdminInitiatives();
  const organisationName = useOrganisationName();
  return (
    <>
      <AdminHeading title={m.initiatives} back={{ href: adminPaths.home, label: m.backToAdministration }} />
      <p>{m.initiativesIntro}</p>
      <p>
        <Link href={adminPaths.registerInitiative} className="button">
          {m.registerInitiative}
        </Link>
      </p>
      <QueryState query={initiatives}>
        {(list) =>
          list.length === 0 ? (
            <p>{m.noInitiatives}</p>
          ) : (
            <ul className="cards">
              {list.map((initiative) => (
                <li key={initiative.id}>
                  <p>
                    <Link href={adminPaths.initiative(initiative.id)}>{initiative.name}</Link>
                    {initiative.status === "closed" && <> ({m.closed.toLowerCase()})</>}
                  </p>
                  <p>
                    {focusAreaName(initiative.focusArea)} · {initiative.organisationIds.map(organisationName).join(", ")}
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

interface InitiativeDraft extends Record<string, string | ReadonlyArray<string>> {
  name: string;
  focusArea: string;
  focusAreaOther: string;
  description: string;
  organisationIds: ReadonlyArray<string>;
}

/** /administration/initiativ/nytt: register an initiative of a focus area, with the organisations behind it. */
export function RegisterInitiativePage() {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const organisations = useOrganisations();
  const form = useCommandForm<InitiativeDraft, z.output<typeof RegisterInitiativeInput>, WriteAnswer>({
    initial: { name: "", focusArea: "", focusAreaOther: "", description: "", organisationIds: [] },
    schema: RegisterInitiativeInput,
    toInput: (draft) => ({
      name: draft.name.trim(),
      focusArea: focusAreaOf(draft),
      description: draft.description.trim(),
      organisationIds: draft.organisationIds,
    }),
    send: (input) => write<WriteAnswer>("/api/v1/initiatives", input, language),
    onDone: (answer) => navigate(afterSaving(adminPaths.initiative(answer.id), "initiativ")),
    missing: m.initiativeMissing,
    forbidden: m.notAllowed,
    fieldOfRule: { "/problems/organisation-not-registered": "organisationIds" },
  });
  const { draft, set, errors } = form;
  return (
    <>
      <AdminHeading title={m.registerInitiative} back={{ href: adminPaths.initiatives, label: m.backToInitiatives }} />
      <AdminForm
        label={m.registerInitiative}
        notSaved={m.initiativeNotSaved}
        summary={form.summary}
        onSubmit={(event) => void form.submit(event)}
        sending={form.sending}
        submitLabel={m.initiativeSubmit}
        cancelHref={adminPaths.initiatives}
      >
        <TextInputField id="name" label={m.initiativeName} value={draft.name} onChange={set("name")} error={errors.name} />
        <FocusAreaField
          value={draft.focusArea}
          other={draft.focusAreaOther}
          onChange={set("focusArea")}
          onOtherChange={set("focusAreaOther")}
          error={errors.focusArea}
        />
        <TextInputField
          id="description"
          label={m.description}
          value={draft.description}
          onChange={set("description")}
          error={errors.description}
          multiline
          personalDataNote
        />
        <CheckboxGroup
          id="organisationIds"
          className="field choice"
          value={[...draft.organisationIds]}
          onChange={set("organisationIds")}
          isInvalid={errors.organisationIds !== undefined}
        >
          <Label>{m.organisationsOfInitiative}</Label>
          {(organisations.data ?? []).map((organisation) => (
            <Checkbox key={organisation.id} value={organisation.id} className="checkbox">
              {organisation.name}
            </Checkbox>
          ))}
          <FieldError className="field-error">{errors.organisationIds}</FieldError>
        </CheckboxGroup>
      </AdminForm>
    </>
  );
}

function Leads({ initiative }: { initiative: InitiativeOverview }) {
  const m = useMessages(messages);
  const open = initiative.status === "open";
  return (
    <section aria-labelledby="leads-title">
      <h2 id="leads-title">{m.leads}</h2>
      {open && (
        <p>
          <Link href={adminPaths.assignLead(initiative.id)} className="button">
            {m.assignLead}
          </Link>
        </p>
      )}
      {initiative.leads.length === 0 ? (
        <p>{m.noLeads}</p>
      ) : (
        <ul className="cards" aria-label={m.leads}>
          {[...initiative.leads].sort(byName).map((lead) => (
            <li key={lead.personId}>
              <p>
                <Link href={adminPaths.person(lead.personId)}>{lead.name}</Link>,{" "}
                {(m.roles[lead.role] ?? lead.role).toLowerCase()}
              </p>
              {open && (
                <p>
                  <Link href={adminPaths.unassignLead(initiative.id, lead.personId)}>{m.unassign(lead.name)}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Contexts({ initiative }: { initiative: InitiativeOverview }) {
  const m = useMessages(messages);
  const links = useInitiativeContexts(initiative.id);
  const organisationName = useOrganisationName();
  const open = initiative.status === "open";
  return (
    <section aria-labelledby="contexts-title">
      <h2 id="contexts-title">{m.initiativeContexts}</h2>
      {open && (
        <p>
          <Link href={adminPaths.linkContext(initiative.id)} className="button">
            {m.linkContext}
          </Link>
        </p>
      )}
      <QueryState query={links}>
        {(list) =>
          list.length === 0 ? (
            <p>{m.noInitiativeContexts}</p>
          ) : (
            <ul className="cards">
              {list.map((link) => (
                <li key={link.contextId}>
                  <p>
                    <Link href={adminPaths.organisation(link.organisationId)}>{organisationName(link.organisationId)}</Link>:{" "}
                    {link.name}
                  </p>
                  <p>{m.relations[link.relation] ?? link.relation}</p>
                  {open && (
                    <p>
                      <Link href={adminPaths.unlinkContext(initiative.id, link.contextId)}>{m.unlink(link.name)}</Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

/** /administration/initiativ/{id}: the initiative's leads and governing contexts, and the ways to change them. */
export function InitiativeAdminPage({ id }: { id: string }) {
  const m = useMessages(messages);
  const initiative = useInitiative(id);
  return (
    <>
      <AdminHeading
        title={initiative.data?.name ?? m.initiative}
        back={{ href: adminPaths.initiatives, label: m.backToInitiatives }}
      />
      <AdminSaved />
      <QueryState query={initiative}>
        {(found) => (
          <>
            <p>
              <Link href={paths.initiative(id)}>{m.openInitiativePage}</Link>
            </p>
            {found.status === "closed" && <p>{m.initiativeClosedNote}</p>}
            <Leads initiative={found} />
            <Contexts initiative={found} />
          </>
        )}
      </QueryState>
    </>
  );
}

interface LeadDraft extends Record<string, string> {
  personId: string;
  role: string;
}

function AssignLeadForm({ initiative }: { initiative: InitiativeOverview }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const people = useAdminPeople();
  const organisationName = useOrganisationName();
  const back = adminPaths.initiative(initiative.id);
  const form = useCommandForm<LeadDraft, z.output<typeof AssignLeadInput>, WriteAnswer>({
    initial: { personId: "", role: "" },
    schema: AssignLeadInput,
    toInput: (draft) => ({
      initiativeId: initiative.id,
      personId: draft.personId || undefined,
      role: draft.role || undefined,
    }),
    send: ({ initiativeId, ...body }) => write<WriteAnswer>(`${initiativePath(initiativeId)}/leads`, body, language),
    onDone: () => navigate(afterSaving(back, "ledare")),
    missing: m.leadMissing,
    forbidden: m.notAllowed,
    fieldOfRule: { "/problems/person-not-registered": "personId", "/problems/initiative-closed": "personId" },
  });
  const { draft, set, errors } = form;
  const choices = (people.data ?? []).filter((person) => !person.erased).sort(byName);
  return (
    <AdminForm
      label={m.assignLead}
      notSaved={m.leadNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.leadSubmit}
      cancelHref={back}
    >
      <ChoiceField
        id="personId"
        label={m.person}
        value={draft.personId}
        onChange={set("personId")}
        options={choices.map((person) => ({
          value: person.id,
          label: `${person.name} (${organisationName(person.organisationId)})`,
        }))}
        error={errors.personId}
      />
      <ChoiceField
        id="role"
        label={m.role}
        value={draft.role}
        onChange={set("role")}
        options={LEAD_ROLES.map((role) => ({ value: role, label: m.roles[role]! }))}
        error={errors.role}
      />
    </AdminForm>
  );
}

/** /administration/initiativ/{id}/ny-ledare: a person chosen by name as lead, co-lead or key role. */
export function AssignLeadPage({ id }: { id: string }) {
  const m = useMessages(messages);
  const initiative = useInitiative(id);
  return (
    <>
      <AdminHeading title={m.assignLead} back={{ href: adminPaths.initiative(id), label: m.backToInitiative }} />
      <QueryState query={initiative}>
        {(found) => (
          <>
            <p>
              {m.initiative}: {found.name}
            </p>
            <p>{m.leadIntro}</p>
            {found.status === "closed" ? <p>{m.initiativeClosedNote}</p> : <AssignLeadForm initiative={found} />}
          </>
        )}
      </QueryState>
    </>
  );
}

interface ReasonDraft extends Record<string, string> {
  reason: string;
}

function UnassignForm({ initiativeId, personId }: { initiativeId: string; personId: string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const back = adminPaths.initiative(initiativeId);
  const form = useCommandForm<ReasonDraft, z.output<typeof UnassignLeadInput>, WriteAnswer>({
    initial: { reason: "" },
    schema: UnassignLeadInput,
    toInput: (draft) => ({ initiativeId, personId, reason: draft.reason.trim() }),
    send: ({ initiativeId: initiative, personId: person, ...body }) =>
      write<WriteAnswer>(`${initiativePath(initiative)}/leads/${encodeURIComponent(person)}/unassignment`, body, language),
    onDone: () => navigate(afterSaving(back, "entledigad")),
    missing: m.retireMissing,
    forbidden: m.notAllowed,
    fieldOfRule: { "/problems/not-a-lead": "reason", "/problems/initiative-closed": "reason" },
  });
  return (
    <AdminForm
      label={m.unassignTitle}
      notSaved={m.unassignNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.unassignSubmit}
      cancelHref={back}
    >
      <ReasonField value={form.draft.reason} onChange={form.set("reason")} error={form.errors.reason} />
    </AdminForm>
  );
}

/** /administration/initiativ/{id}/ledare/{personId}/entlediga: unassign a lead, with a reason. */
export function UnassignLeadPage({ id, personId }: { id: string; personId: string }) {
  const m = useMessages(messages);
  const initiative = useInitiative(id);
  return (
    <>
      <AdminHeading title={m.unassignTitle} back={{ href: adminPaths.initiative(id), label: m.backToInitiative }} />
      <QueryState query={initiative}>
        {(found) => {
          const lead = found.leads.find((candidate) => candidate.personId === personId);
          if (!lead) return <p>{m.notALead}</p>;
          return (
            <>
              <p>{m.unassignIntro(lead.name, found.name)}</p>
              <UnassignForm initiativeId={id} personId={personId} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
