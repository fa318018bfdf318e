import {
  type ContextId,
  GoverningContextNotMapped,
  GoverningContextRetiredError,
  type OrganisationCommand,
  type OrganisationEvent,
  OrganisationNotRegistered,
  type OrganisationState,
  organisationDecider,
  organisationEvents,
  organisationStream,
} from "#domain";
import { Effect } from "effect";
import type { z } from "zod";
import { type CommandSpec, inNewStream } from "../../command-spec.js";
import { MapGoverningContextInput, RegisterOrganisationInput, RetireGoverningContextInput } from "./inputs.js";

type OrganisationSpec<Input extends z.ZodObject> = CommandSpec<Input, OrganisationCommand, OrganisationEvent, OrganisationState>;

const organisationStreamOf = {
  decider: organisationDecider,
  events: organisationEvents,
  roles: ["admin", "core-team"],
} as const;

export const registerOrganisation: OrganisationSpec<typeof RegisterOrganisationInput> = {
  ...organisationStreamOf,
  name: "RegisterOrganisation",
  input: RegisterOrganisationInput,
  creates: "stream",
  rules: [],
  target: inNewStream(organisationStream),
  toCommand: (input) => Effect.succeed({ type: "RegisterOrganisation", data: input }),
};

export const mapGoverningContext: OrganisationSpec<typeof MapGoverningContextInput> = {
  ...organisationStreamOf,
  name: "MapGoverningContext",
  input: MapGoverningContextInput,
  creates: "resource",
  rules: [OrganisationNotRegistered],
  target: ({ organisationId }, newId) => ({ streamId: organisationStream(organisationId), resourceId: newId }),
  toCommand: ({ organisationId: _, ...body }, { newId }) =>
    Effect.succeed({ type: "MapGoverningContext", data: { ...body, contextId: newId as ContextId } }),
};

export const retireGoverningContext: OrganisationSpec<typeof RetireGoverningContextInput> = {
  ...organisationStreamOf,
  name: "RetireGoverningContext",
  input: RetireGoverningContextInput,
  creates: "nothing",
  rules: [GoverningContextNotMapped, GoverningContextRetiredError],
  target: ({ organisationId, contextId }) => ({ streamId: organisationStream(organisationId), resourceId: contextId }),
  toCommand: ({ contextId, reason }) => Effect.succeed({ type: "RetireGoverningContext", data: { contextId, reason } }),
};
