import { LinkGoverningContextInput, UnlinkGoverningContextInput } from "#application/inputs";
import type { z } from "zod";
import { write } from "../../api/client";
import { initiativePath, useInitiative } from "../../api/queries";
import type { WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { QueryState } from "../../components/QueryState";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { byName } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate } from "../../router";
import { adminPaths, afterSaving } from "./admin-paths";
import { messages } from "./messages";
import { useAdminInitiatives, useGoverningContexts, useInitiativeContexts, useOrganisations } from "./queries";
import { AdminForm, AdminHeading, ReasonField } from "./shared";

const RELATIONS = ["decides", "funds", "informs", "staffs"] as const;

interface LinkDraft extends Record<string, string> {
  organisationId: string;
  contextId: string;
  initiativeId: string;
  relation: string;
}

/**
 * Links a governing context to an initiative with a relation. From the initiative's page the
 * admin chooses the organisation, then one of its contexts in use; from the organisation's page
 * the context is given and the admin chooses the initiative. Either way back where it began.
 */
function LinkContextForm({ fixed, back }: { fixed: Partial<LinkDraft>; back: string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const organisations = useOrganisations();
  const initiatives = useAdminInitiatives();
  const form = useCommandForm<LinkDraft, z.output<typeof LinkGoverningContextInput>, WriteAnswer>({
    initial: { organisationId: "", contextId: "", initiativeId: "", relation: "", ...fixed },
    schema: LinkGoverningContextInput,
    toInput: (draft) => ({
      initiativeId: draft.initiativeId || undefined,
      organisationId: draft.organisationId || undefined,
      contextId: draft.contextId || undefined,
      relation: draft.relation || undefined,
    }),
    send: ({ initiativeId, ...body }) => write<WriteAnswer>(`${initiativePath(initiativeId)}/governing-contexts`, body, language),
    onDone: () => navigate(afterSaving(back, "kopplat")),
    missing: m.linkMissing,
    forbidden: m.notAllowed,
    fieldOfRule: {
      "/problems/governing-context-retired": "contextId",
      "/problems/governing-context-not-mapped": "contextId",
      "/problems/organisation-not-registered": "organisationId",
      "/problems/initiative-closed": "initiativeId",
    },
  });
  const { draft, set, setDraft, errors } = form;
  const contexts = useGoverningContexts(draft.organisationId, draft.organisationId !== "");
  return (
    <AdminForm
      label={m.linkContextTitle}
      notSaved={m.linkNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.linkSubmit}
      cancelHref={back}
    >
      {fixed.initiativeId === undefined && (
        <ChoiceField
          id="initiativeId"
          label={m.initiative}
          value={draft.initiativeId}
          onChange={set("initiativeId")}
          options={(initiatives.data ?? [])
            .filter((initiative) => initiative.status === "open")
            .map((initiative) => ({ value: initiative.id, label: initiative.name }))}
          error={errors.initiativeId}
        />
      )}
      {fixed.organisationId === undefined && (
        <ChoiceField
          id="organisationId"
          label={m.organisation}
          value={draft.organisationId}
          // Another organisation's contexts are others: the choice of context starts over.
          onChange={(organisationId) => setDraft((current) => ({ ...current, organisationId, contextId: "" }))}
          options={(organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          error={errors.organisationId}
        />
      )}
      {fixed.contextId === undefined &&
        (draft.organisationId === "" ? (
          <p className="note" id="contextId">
            {m.chooseOrganisationFirst}
          </p>
        ) : (
          <QueryState query={contexts}>
            {(list) => {
              const inUse = list.filter((context) => context.status === "mapped").sort(byName);
              return inUse.length === 0 ? (
                <p id="contextId">{m.noMappedContexts}</p>
              ) : (
                <ChoiceField
                  id="contextId"
                  label={m.context}
                  value={draft.contextId}
                  onChange={set("contextId")}
                  options={inUse.map((context) => ({
                    value: context.contextId,
                    label: `${context.name} (${(m.contextKinds[context.kind] ?? context.kind).toLowerCase()})`,
                  }))}
                  error={errors.contextId}
                />
              );
            }}
          </QueryState>
        ))}
      <ChoiceField
        id="relation"
        label={m.relation}
        value={draft.relation}
        onChange={set("relation")}
        options={RELATIONS.map((relation) => ({ value: relation, label: m.relations[relation]! }))}
        error={errors.relation}
      />
    </AdminForm>
  );
}

/** /administration/initiativ/{id}/nytt-sammanhang: link a governing context to the initiative. */
export function LinkContextPage({ id }: { id: string }) {
  const m = useMessages(messages);
  const initiative = useInitiative(id);
  const back = adminPaths.initiative(id);
  return (
    <>
      <AdminHeading title={m.linkContextTitle} back={{ href: back, label: m.backToInitiative }} />
      <QueryState query={initiative}>
        {(found) => (
          <>
            <p>
              {m.initiative}: {found.name}
            </p>
            <p>{m.linkIntro}</p>
            <LinkContextForm fixed={{ initiativeId: id }} back={back} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** /administration/organisationer/{id}/sammanhang/{contextId}/koppla: link this context to an initiative. */
export function LinkContextToInitiativePage({ id, contextId }: { id: string; contextId: string }) {
  const m = useMessages(messages);
  const organisations = useOrganisations();
  const contexts = useGoverningContexts(id);
  const back = adminPaths.organisation(id);
  return (
    <>
      <AdminHeading title={m.linkContextTitle} back={{ href: back, label: m.backToOrganisation }} />
      <QueryState query={contexts}>
        {(list) => {
          const context = list.find((candidate) => candidate.contextId === contextId);
          if (!context) return <p>{m.notFound}</p>;
          return (
            <>
              <dl className="facts">
                <dt>{m.organisation}</dt>
                <dd>{organisations.data?.find((organisation) => organisation.id === id)?.name ?? "…"}</dd>
                <dt>{m.context}</dt>
                <dd>{context.name}</dd>
              </dl>
              <p>{m.linkIntro}</p>
              <LinkContextForm fixed={{ organisationId: id, contextId }} back={back} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

interface UnlinkDraft extends Record<string, string> {
  reason: string;
}

/** /administration/initiativ/{id}/sammanhang/{contextId}/koppla-bort: unlink a governing context, with a reason. */
export function UnlinkContextPage({ id, contextId }: { id: string; contextId: string }) {
  const m = useMessages(messages);
  const initiative = useInitiative(id);
  const links = useInitiativeContexts(id);
  const back = adminPaths.initiative(id);
  return (
    <>
      <AdminHeading title={m.unlinkTitle} back={{ href: back, label: m.backToInitiative }} />
      <QueryState query={links}>
        {(list) => {
          const link = list.find((candidate) => candidate.contextId === contextId);
          if (!link) return <p>{m.notLinked}</p>;
          return (
            <>
              <p>{m.unlinkIntro(link.name, initiative.data?.name ?? "…")}</p>
              <UnlinkForm initiativeId={id} organisationId={link.organisationId} contextId={contextId} back={back} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function UnlinkForm({
  initiativeId,
  organisationId,
  contextId,
  back,
}: {
  initiativeId: string;
  organisationId: string;
  contextId: string;
  back: string;
}) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const form = useCommandForm<UnlinkDraft, z.output<typeof UnlinkGoverningContextInput>, WriteAnswer>({
    initial: { reason: "" },
    schema: UnlinkGoverningContextInput,
    toInput: (draft) => ({ initiativeId, organisationId, contextId, reason: draft.reason.trim() }),
    send: ({ initiativeId: initiative, contextId: context, ...body }) =>
      write<WriteAnswer>(
        `${initiativePath(initiative)}/governing-contexts/${encodeURIComponent(context)}/unlinking`,
        body,
        language,
      ),
    onDone: () => navigate(afterSaving(back, "bortkopplat")),
    missing: m.retireMissing,
    forbidden: m.notAllowed,
    fieldOfRule: { "/problems/governing-context-not-linked": "reason", "/problems/initiative-closed": "reason" },
  });
  return (
    <AdminForm
      label={m.unlinkTitle}
      notSaved={m.unlinkNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.unlinkSubmit}
      cancelHref={back}
    >
      <ReasonField value={form.draft.reason} onChange={form.set("reason")} error={form.errors.reason} />
    </AdminForm>
  );
}
