import { MapGoverningContextInput, RegisterOrganisationInput, RetireGoverningContextInput } from "#application/inputs";
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
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate } from "../../router";
import { adminPaths, afterSaving } from "./admin-paths";
import { messages } from "./messages";
import { useAdminInitiatives, useGoverningContexts, useOrganisations } from "./queries";
import { AdminForm, AdminHeading, AdminSaved, ReasonField } from "./shared";
import type { GoverningContext, Organisation } from "./types";

const ORGANISATION_KINDS = ["municipality", "university", "region", "other"] as const;
const CONTEXT_KINDS = ["committee", "management-group", "board", "network", "other"] as const;

const organisationPath = (id: string) => `/api/v1/organisations/${encodeURIComponent(id)}`;

/** /administration/organisationer: every organisation, by name, and a way to register one. */
export function OrganisationsPage() {
  const m = useMessages(messages);
  const organisations = useOrganisations();
  return (
    <>
      <AdminHeading title={m.organisations} back={{ href: adminPaths.home, label: m.backToAdministration }} />
      <p>{m.organisationsIntro}</p>
      <p>
        <Link href={adminPaths.registerOrganisation} className="button">
          {m.registerOrganisation}
        </Link>
      </p>
      <QueryState query={organisations}>
        {(list) =>
          list.length === 0 ? (
            <p>{m.noOrganisations}</p>
          ) : (
            <ul className="cards">
              {list.map((organisation) => (
                <li key={organisation.id}>
                  <p>
                    <Link href={adminPaths.organisation(organisation.id)}>{organisation.name}</Link>
                  </p>
                  <p>{m.organisationKinds[organisation.kind] ?? organisation.kind}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

interface OrganisationDraft extends Record<string, string> {
  name: string;
  kind: string;
}

/** /administration/organisationer/ny: register an organisation of the collaboration. */
export function RegisterOrganisationPage() {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const form = useCommandForm<OrganisationDraft, z.output<typeof RegisterOrganisationInput>, WriteAnswer>({
    initial: { name: "", kind: "" },
    schema: RegisterOrganisationInput,
    toInput: (draft) => ({ name: draft.name.trim(), kind: draft.kind || undefined }),
    send: (input) => write<WriteAnswer>("/api/v1/organisations", input, language),
    onDone: (answer) => navigate(afterSaving(adminPaths.organisation(answer.id), "organisation")),
    missing: m.organisationMissing,
    forbidden: m.notAllowed,
  });
  const { draft, set, errors } = form;
  return (
    <>
      <AdminHeading title={m.registerOrganisation} back={{ href: adminPaths.organisations, label: m.backToOrganisations }} />
      <AdminForm
        label={m.registerOrganisation}
        notSaved={m.organisationNotSaved}
        summary={form.summary}
        onSubmit={(event) => void form.submit(event)}
        sending={form.sending}
        submitLabel={m.organisationSubmit}
        cancelHref={adminPaths.organisations}
      >
        <TextInputField id="name" label={m.organisationName} value={draft.name} onChange={set("name")} error={errors.name} />
        <ChoiceField
          id="kind"
          label={m.organisationKind}
          value={draft.kind}
          onChange={set("kind")}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: m.organisationKinds[kind]! }))}
          error={errors.kind}
        />
      </AdminForm>
    </>
  );
}

/** One organisation read with its governing contexts, for the pages about them. */
function WithOrganisation({
  id,
  children,
}: {
  id: string;
  children: (organisation: Organisation, contexts: ReadonlyArray<GoverningContext>) => ReactNode;
}) {
  const organisations = useOrganisations();
  const contexts = useGoverningContexts(id);
  const m = useMessages(messages);
  return (
    <QueryState query={organisations}>
      {(list) => {
        const organisation = list.find((candidate) => candidate.id === id);
        if (!organisation) return <p>{m.unknownOrganisation}</p>;
        return <QueryState query={contexts}>{(found) => children(organisation, found)}</QueryState>;
      }}
    </QueryState>
  );
}

/** One governing context as the organisation's page lists it: kind, status, the initiatives linked. */
function ContextCard({ organisationId, context }: { organisationId: string; context: GoverningContext }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const initiatives = useAdminInitiatives();
  const nameOf = (id: string) => initiatives.data?.find((initiative) => initiative.id === id)?.name ?? m.unknownInitiative;
  return (
    <li>
      <h3>{context.name}</h3>
      <dl className="facts">
        <dt>{m.kindLabel}</dt>
        <dd>{m.contextKinds[context.kind] ?? context.kind}</dd>
        <dt>{m.statusLabel}</dt>
        <dd>{m.contextStatus[context.status] ?? context.status}</dd>
        {context.description && (
          <>
            <dt>{m.descriptionLabel}</dt>
            <dd>{context.description}</dd>
          </>
        )}
        <dt>{m.linkedInitiatives}</dt>
        <dd>
          {context.linkedInitiatives.length === 0 ? (
            m.none
          ) : (
            <ul className="admin-plain-list">
              {context.linkedInitiatives.map((link) => (
                <li key={link.initiativeId}>
                  <Link href={adminPaths.initiative(link.initiativeId)}>{nameOf(link.initiativeId)}</Link>:{" "}
                  {(m.relations[link.relation] ?? link.relation).toLowerCase()} ({formatDate(link.linkedAt, language)})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {context.status === "mapped" && (
        <ul className="admin-actions">
          <li>
            <Link href={adminPaths.linkContextToInitiative(organisationId, context.contextId)}>
              {m.linkToInitiative(context.name)}
            </Link>
          </li>
          <li>
            <Link href={adminPaths.retireContext(organisationId, context.contextId)}>{m.retireContext(context.name)}</Link>
          </li>
        </ul>
      )}
    </li>
  );
}

/** /administration/organisationer/{id}: the organisation's governing contexts, their status and links. */
export function OrganisationPage({ id }: { id: string }) {
  const m = useMessages(messages);
  const organisations = useOrganisations();
  const name = organisations.data?.find((organisation) => organisation.id === id)?.name;
  return (
    <>
      <AdminHeading title={name ?? m.organisation} back={{ href: adminPaths.organisations, label: m.backToOrganisations }} />
      <AdminSaved />
      <WithOrganisation id={id}>
        {(organisation, contexts) => (
          <>
            <p>
              {m.kindLabel}: {m.organisationKinds[organisation.kind] ?? organisation.kind}
            </p>
            <section aria-labelledby="contexts-title">
              <h2 id="contexts-title">{m.contexts}</h2>
              <p>{m.contextsIntro}</p>
              <p>
                <Link href={adminPaths.mapContext(id)} className="button">
                  {m.mapContext}
                </Link>
              </p>
              {contexts.length === 0 ? (
                <p>{m.noContexts}</p>
              ) : (
                <ul className="cards">
                  {contexts.map((context) => (
                    <ContextCard key={context.contextId} organisationId={id} context={context} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </WithOrganisation>
    </>
  );
}

interface ContextDraft extends Record<string, string> {
  name: string;
  kind: string;
  description: string;
}

function MapContextForm({ organisation }: { organisation: Organisation }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const back = adminPaths.organisation(organisation.id);
  const form = useCommandForm<ContextDraft, z.output<typeof MapGoverningContextInput>, WriteAnswer>({
    initial: { name: "", kind: "", description: "" },
    schema: MapGoverningContextInput,
    toInput: (draft) => ({
      organisationId: organisation.id,
      name: draft.name.trim(),
      kind: draft.kind || undefined,
      description: draft.description.trim(),
    }),
    send: ({ organisationId, ...body }) =>
      write<WriteAnswer>(`${organisationPath(organisationId)}/governing-contexts`, body, language),
    onDone: () => navigate(afterSaving(back, "sammanhang")),
    missing: m.contextMissing,
    forbidden: m.notAllowed,
  });
  const { draft, set, errors } = form;
  return (
    <AdminForm
      label={m.mapContext}
      notSaved={m.contextNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.contextSubmit}
      cancelHref={back}
    >
      <TextInputField id="name" label={m.contextName} value={draft.name} onChange={set("name")} error={errors.name} />
      <ChoiceField
        id="kind"
        label={m.contextKind}
        value={draft.kind}
        onChange={set("kind")}
        options={CONTEXT_KINDS.map((kind) => ({ value: kind, label: m.contextKinds[kind]! }))}
        error={errors.kind}
      />
      <TextInputField
        id="description"
        label={m.contextDescription}
        value={draft.description}
        onChange={set("description")}
        error={errors.description}
        multiline
        personalDataNote
      />
    </AdminForm>
  );
}

/** /administration/organisationer/{id}/nytt-sammanhang: map a governing context of the organisation. */
export function MapContextPage({ id }: { id: string }) {
  const m = useMessages(messages);
  return (
    <>
      <AdminHeading title={m.mapContext} back={{ href: adminPaths.organisation(id), label: m.backToOrganisation }} />
      <WithOrganisation id={id}>
        {(organisation) => (
          <>
            <p>
              {m.organisation}: {organisation.name}
            </p>
            <MapContextForm organisation={organisation} />
          </>
        )}
      </WithOrganisation>
    </>
  );
}

interface ReasonDraft extends Record<string, string> {
  reason: string;
}

function RetireContextForm({ organisationId, context }: { organisationId: string; context: GoverningContext }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const back = adminPaths.organisation(organisationId);
  const form = useCommandForm<ReasonDraft, z.output<typeof RetireGoverningContextInput>, WriteAnswer>({
    initial: { reason: "" },
    schema: RetireGoverningContextInput,
    toInput: (draft) => ({ organisationId, contextId: context.contextId, reason: draft.reason.trim() }),
    send: ({ organisationId: organisation, contextId, ...body }) =>
      write<WriteAnswer>(
        `${organisationPath(organisation)}/governing-contexts/${encodeURIComponent(contextId)}/retirement`,
        body,
        language,
      ),
    onDone: () => navigate(afterSaving(back, "avvecklat")),
    missing: m.retireMissing,
    forbidden: m.notAllowed,
    fieldOfRule: { "/problems/governing-context-retired": "reason" },
  });
  return (
    <AdminForm
      label={m.retireContextTitle}
      notSaved={m.retireNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.retireSubmit}
      cancelHref={back}
    >
      <ReasonField value={form.draft.reason} onChange={form.set("reason")} error={form.errors.reason} />
    </AdminForm>
  );
}

/** /administration/organisationer/{id}/sammanhang/{contextId}/avveckla: retire a governing context, with a reason. */
export function RetireContextPage({ id, contextId }: { id: string; contextId: string }) {
  const m = useMessages(messages);
  return (
    <>
      <AdminHeading title={m.retireContextTitle} back={{ href: adminPaths.organisation(id), label: m.backToOrganisation }} />
      <WithOrganisation id={id}>
        {(organisation, contexts) => {
          const context = contexts.find((candidate) => candidate.contextId === contextId);
          if (!context) return <p>{m.notFound}</p>;
          return (
            <>
              <dl className="facts">
                <dt>{m.organisation}</dt>
                <dd>{organisation.name}</dd>
                <dt>{m.context}</dt>
                <dd>{context.name}</dd>
              </dl>
              <p>{m.retireIntro}</p>
              <RetireContextForm organisationId={id} context={context} />
            </>
          );
        }}
      </WithOrganisation>
    </>
  );
}

export { WithOrganisation };
