import { SENT_PARAMETER, paths } from "../../router";

// The administration's own small router: the path after /administration, in Swedish as the
// admin sees it in the address bar. App.tsx routes everything under /administration here.

const segment = encodeURIComponent;
const root = paths.administration;

export const adminPaths = {
  home: root,
  organisations: `${root}/organisationer`,
  registerOrganisation: `${root}/organisationer/ny`,
  organisation: (id: string) => `${root}/organisationer/${segment(id)}`,
  mapContext: (id: string) => `${root}/organisationer/${segment(id)}/nytt-sammanhang`,
  retireContext: (id: string, contextId: string) =>
    `${root}/organisationer/${segment(id)}/sammanhang/${segment(contextId)}/avveckla`,
  linkContextToInitiative: (id: string, contextId: string) =>
    `${root}/organisationer/${segment(id)}/sammanhang/${segment(contextId)}/koppla`,
  people: `${root}/personer`,
  registerPerson: `${root}/personer/ny`,
  person: (id: string) => `${root}/personer/${segment(id)}`,
  linkLogin: (id: string) => `${root}/personer/${segment(id)}/ny-inloggning`,
  unlinkLogin: (id: string) => `${root}/personer/${segment(id)}/ta-bort-inloggning`,
  startMembership: (id: string) => `${root}/personer/${segment(id)}/core-team`,
  endMembership: (id: string) => `${root}/personer/${segment(id)}/core-team/avsluta`,
  erasePerson: (id: string) => `${root}/personer/${segment(id)}/radera`,
  initiatives: `${root}/initiativ`,
  registerInitiative: `${root}/initiativ/nytt`,
  initiative: (id: string) => `${root}/initiativ/${segment(id)}`,
  assignLead: (id: string) => `${root}/initiativ/${segment(id)}/ny-ledare`,
  unassignLead: (id: string, personId: string) => `${root}/initiativ/${segment(id)}/ledare/${segment(personId)}/entlediga`,
  linkContext: (id: string) => `${root}/initiativ/${segment(id)}/nytt-sammanhang`,
  unlinkContext: (id: string, contextId: string) =>
    `${root}/initiativ/${segment(id)}/sammanhang/${segment(contextId)}/koppla-bort`,
};

export type AdminPage =
  | { readonly name: "home" }
  | { readonly name: "organisations" }
  | { readonly name: "register-organisation" }
  | { readonly name: "organisation"; readonly id: string }
  | { readonly name: "map-context"; readonly id: string }
  | { readonly name: "retire-context"; readonly id: string; readonly contextId: string }
  | { readonly name: "link-context-to-initiative"; readonly id: string; readonly contextId: string }
  | { readonly name: "people" }
  | { readonly name: "register-person" }
  | { readonly name: "person"; readonly id: string }
  | { readonly name: "link-login"; readonly id: string }
  | { readonly name: "unlink-login"; readonly id: string }
  | { readonly name: "start-membership"; readonly id: string }
  | { readonly name: "end-membership"; readonly id: string }
  | { readonly name: "erase-person"; readonly id: string }
  | { readonly name: "initiatives" }
  | { readonly name: "register-initiative" }
  | { readonly name: "initiative"; readonly id: string }
  | { readonly name: "assign-lead"; readonly id: string }
  | { readonly name: "unassign-lead"; readonly id: string; readonly personId: string }
  | { readonly name: "link-context"; readonly id: string }
  | { readonly name: "unlink-context"; readonly id: string; readonly contextId: string }
  | { readonly name: "not-found" };

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

type Shape = readonly [pattern: RegExp, page: (ids: ReadonlyArray<string>) => AdminPage];

/** Each page's path after /administration; the fixed ones ("ny") before those naming an id. */
const SHAPES: ReadonlyArray<Shape> = [
  [/^\/?$/, () => ({ name: "home" })],
  [/^\/organisationer$/, () => ({ name: "organisations" })],
  [/^\/organisationer\/ny$/, () => ({ name: "register-organisation" })],
  [/^\/organisationer\/([^/]+)$/, ([id]) => ({ name: "organisation", id: id! })],
  [/^\/organisationer\/([^/]+)\/nytt-sammanhang$/, ([id]) => ({ name: "map-context", id: id! })],
  [
    /^\/organisationer\/([^/]+)\/sammanhang\/([^/]+)\/avveckla$/,
    ([id, contextId]) => ({ name: "retire-context", id: id!, contextId: contextId! }),
  ],
  [
    /^\/organisationer\/([^/]+)\/sammanhang\/([^/]+)\/koppla$/,
    ([id, contextId]) => ({ name: "link-context-to-initiative", id: id!, contextId: contextId! }),
  ],
  [/^\/personer$/, () => ({ name: "people" })],
  [/^\/personer\/ny$/, () => ({ name: "register-person" })],
  [/^\/personer\/([^/]+)$/, ([id]) => ({ name: "person", id: id! })],
  [/^\/personer\/([^/]+)\/ny-inloggning$/, ([id]) => ({ name: "link-login", id: id! })],
  [/^\/personer\/([^/]+)\/ta-bort-inloggning$/, ([id]) => ({ name: "unlink-login", id: id! })],
  [/^\/personer\/([^/]+)\/core-team$/, ([id]) => ({ name: "start-membership", id: id! })],
  [/^\/personer\/([^/]+)\/core-team\/avsluta$/, ([id]) => ({ name: "end-membership", id: id! })],
  [/^\/personer\/([^/]+)\/radera$/, ([id]) => ({ name: "erase-person", id: id! })],
  [/^\/initiativ$/, () => ({ name: "initiatives" })],
  [/^\/initiativ\/nytt$/, () => ({ name: "register-initiative" })],
  [/^\/initiativ\/([^/]+)$/, ([id]) => ({ name: "initiative", id: id! })],
  [/^\/initiativ\/([^/]+)\/ny-ledare$/, ([id]) => ({ name: "assign-lead", id: id! })],
  [
    /^\/initiativ\/([^/]+)\/ledare\/([^/]+)\/entlediga$/,
    ([id, personId]) => ({ name: "unassign-lead", id: id!, personId: personId! }),
  ],
  [/^\/initiativ\/([^/]+)\/nytt-sammanhang$/, ([id]) => ({ name: "link-context", id: id! })],
  [
    /^\/initiativ\/([^/]+)\/sammanhang\/([^/]+)\/koppla-bort$/,
    ([id, contextId]) => ({ name: "unlink-context", id: id!, contextId: contextId! }),
  ],
];

/** The administration page at `rest`, the path after /administration. */
export function adminPageOf(rest: string): AdminPage {
  for (const [pattern, page] of SHAPES) {
    const match = rest.match(pattern);
    if (!match) continue;
    const ids = match.slice(1).map(decode);
    if (ids.some((id) => !id)) return { name: "not-found" };
    return page(ids as string[]);
  }
  return { name: "not-found" };
}

/** The parameter a form sets on its way back, so the page it returns to says what was saved. */
export const afterSaving = (path: string, what: string): string => `${path}?${SENT_PARAMETER}=${what}`;
