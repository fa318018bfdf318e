import type { ReactNode } from "react";
import { Link } from "react-aria-components";
import type { Me } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { adminPageOf, adminPaths, type AdminPage } from "./admin-paths";
import { LinkContextPage, LinkContextToInitiativePage, UnlinkContextPage } from "./ContextLinkPages";
import { ErasePersonPage } from "./ErasePersonPage";
import {
  AssignLeadPage,
  InitiativeAdminPage,
  InitiativesPage,
  RegisterInitiativePage,
  UnassignLeadPage,
} from "./InitiativePages";
import { messages } from "./messages";
import {
  MapContextPage,
  OrganisationPage,
  OrganisationsPage,
  RegisterOrganisationPage,
  RetireContextPage,
} from "./OrganisationPages";
import { LoginPage, MembershipPage, PeoplePage, PersonPage, RegisterPersonPage } from "./PeoplePages";
import { AdminHeading } from "./shared";
import "./administration.css";

/** /administration: the three registers an admin keeps, each with what it is for. */
function AdministrationHome() {
  const m = useMessages(messages);
  const areas = [
    { href: adminPaths.organisations, title: m.organisations, text: m.organisationsIntro },
    { href: adminPaths.people, title: m.people, text: m.peopleIntro },
    { href: adminPaths.initiatives, title: m.initiatives, text: m.initiativesIntro },
  ];
  return (
    <>
      <AdminHeading title={m.title} />
      <p>{m.intro}</p>
      <ul className="admin-areas">
        {areas.map((area) => (
          <li key={area.href}>
            <h2>
              <Link href={area.href}>{area.title}</Link>
            </h2>
            <p>{area.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function NotForYou() {
  const m = useMessages(messages);
  return (
    <>
      <AdminHeading title={m.title} />
      <p>{m.notAdmin}</p>
      <p>{m.notAdminHelp}</p>
    </>
  );
}

function NoSuchPage() {
  const m = useMessages(messages);
  return (
    <>
      <AdminHeading title={m.title} back={{ href: adminPaths.home, label: m.backToAdministration }} />
      <p>{m.notFound}</p>
    </>
  );
}

function adminPage(page: AdminPage): ReactNode {
  switch (page.name) {
    case "home":
      return <AdministrationHome />;
    case "organisations":
      return <OrganisationsPage />;
    case "register-organisation":
      return <RegisterOrganisationPage />;
    case "organisation":
      return <OrganisationPage id={page.id} />;
    case "map-context":
      return <MapContextPage id={page.id} />;
    case "retire-context":
      return <RetireContextPage id={page.id} contextId={page.contextId} />;
    case "link-context-to-initiative":
      return <LinkContextToInitiativePage id={page.id} contextId={page.contextId} />;
    case "people":
      return <PeoplePage />;
    case "register-person":
      return <RegisterPersonPage />;
    case "person":
      return <PersonPage id={page.id} />;
    case "link-login":
      return <LoginPage id={page.id} unlink={false} />;
    case "unlink-login":
      return <LoginPage id={page.id} unlink />;
    case "start-membership":
      return <MembershipPage id={page.id} end={false} />;
    case "end-membership":
      return <MembershipPage id={page.id} end />;
    case "erase-person":
      return <ErasePersonPage id={page.id} />;
    case "initiatives":
      return <InitiativesPage />;
    case "register-initiative":
      return <RegisterInitiativePage />;
    case "initiative":
      return <InitiativeAdminPage id={page.id} />;
    case "assign-lead":
      return <AssignLeadPage id={page.id} />;
    case "unassign-lead":
      return <UnassignLeadPage id={page.id} personId={page.personId} />;
    case "link-context":
      return <LinkContextPage id={page.id} />;
    case "unlink-context":
      return <UnlinkContextPage id={page.id} contextId={page.contextId} />;
    case "not-found":
      return <NoSuchPage />;
  }
}

/**
 * /administration and everything under it: the admin's pages, by the feature's own router
 * (admin-paths.ts). They are for the `admin` role; anyone else is told so in words (the API
 * lets the Core Team do most of these too, but the menu offers the pages to admins alone).
 */
export function AdministrationPage({ me, rest }: { me: Me; rest: string }) {
  if (!me.roles.includes("admin")) return <NotForYou />;
  // Each page in its own key: a form's draft never carries over to another page.
  return (
    <div key={rest} className="administration">
      {adminPage(adminPageOf(rest))}
    </div>
  );
}
