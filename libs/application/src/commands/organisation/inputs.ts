import { ContextId, OrganisationId, organisationEvents as events } from "#domain";

// What callers send. Ids a command creates (organisation, context) are minted by the pipeline.
export const RegisterOrganisationInput = events.OrganisationRegistered.schema;
export const MapGoverningContextInput = events.GoverningContextMapped.schema
  .omit({ contextId: true })
  .extend({ organisationId: OrganisationId });
export const RetireGoverningContextInput = events.GoverningContextRetired.schema.extend({
  organisationId: OrganisationId,
  contextId: ContextId,
});
