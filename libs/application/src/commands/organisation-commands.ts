import {
  type ContextId,
  type MapGoverningContextInput,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
  type RegisterOrganisationInput,
  type RetireGoverningContextInput,
  organisationDecider,
  organisationEvents,
  organisationStream,
} from "#domain";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec } from "../command-spec.js";

type OrganisationSpec<Input> = CommandSpec<Input, OrganisationCommand, OrganisationEvent, OrganisationState>;

const organisationStreamOf = {
  decider: organisationDecider,
  events: organisationEvents,
} as const;

export const registerOrganisation: OrganisationSpec<z.infer<typeof RegisterOrganisationInput>> = {
  ...organisationStreamOf,
  name: "RegisterOrganisation",
  roles: ["admin", "core-team"],
  creates: "stream",
  target: (_input, newId) => ({ streamId: organisationStream(newId), resourceId: newId }),
  toCommand: (input) => Effect.succeed({ type: "RegisterOrganisation", data: input }),
};

type OnOrganisation<Body> = Body & { readonly organisationId: string };

export const mapGoverningContext: OrganisationSpec<OnOrganisation<z.infer<typeof MapGoverningContextInput>>> = {
  ...organisationStreamOf,
  name: "MapGoverningContext",
  roles: ["admin", "core-team"],
  creates: "resource",
  target: ({ organisationId }, newId) => ({ streamId: organisationStream(organisationId), resourceId: newId }),
  toCommand: ({ organisationId: _, ...body }, { newId }) =>
    Effect.succeed({ type: "MapGoverningContext", data: { ...body, contextId: newId as ContextId } }),
};

export const retireGoverningContext: OrganisationSpec<
  OnOrganisation<z.infer<typeof RetireGoverningContextInput> & { readonly contextId: string }>
> = {
  ...organisationStreamOf,
  name: "RetireGoverningContext",
  roles: ["admin", "core-team"],
  creates: "nothing",
  target: ({ organisationId, contextId }) => ({ streamId: organisationStream(organisationId), resourceId: contextId }),
  toCommand: ({ contextId, reason }) =>
    Effect.succeed({ type: "RetireGoverningContext", data: { contextId: contextId as ContextId, reason } }),
};
