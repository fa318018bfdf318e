import { useApiQuery } from "../../api/queries";
import type { AdminInitiative, AdminPerson, GoverningContext, InitiativeContext, Organisation, RecordedEvent } from "./types";

// The administration's reads: lists are short (organisations, people and initiatives of one
// collaboration), so one page of 200 holds them all.

const id = encodeURIComponent;

export const useOrganisations = () => useApiQuery<Organisation[]>("/api/v1/organisations?limit=200");

export const useGoverningContexts = (organisationId: string, enabled = true) =>
  useApiQuery<GoverningContext[]>(`/api/v1/organisations/${id(organisationId)}/governing-contexts?limit=200`, enabled);

export const useAdminPeople = () => useApiQuery<AdminPerson[]>("/api/v1/people?limit=200");

export const useAdminPerson = (personId: string) => useApiQuery<AdminPerson>(`/api/v1/people/${id(personId)}`);

export const useAdminInitiatives = () => useApiQuery<AdminInitiative[]>("/api/v1/initiatives?limit=200");

export const useInitiativeContexts = (initiativeId: string) =>
  useApiQuery<InitiativeContext[]>(`/api/v1/initiatives/${id(initiativeId)}/governing-contexts?limit=200`);

/** The person's own stream as the audit log keeps it (admin and auditor): their memberships and logins. */
export const usePersonEvents = (personId: string) =>
  useApiQuery<RecordedEvent[]>(`/api/v1/audit/events?streamId=${id(`person-${personId}`)}&limit=1000`);
