import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-aria-components";
import type { Me } from "../api/types";
import { useLanguage } from "../i18n/language";
import { paths, usePath } from "../router";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignedInPerson } from "./SignedInPerson";
import { SignOutButton } from "./SignOutButton";

/** The main menu: what everyone has, and the pages of the Core Team, auditors and admins. */
function Navigation({ me }: { me: Me }) {
  const { t } = useLanguage();
  const path = usePath();
  const has = (role: string) => me.roles.includes(role);
  const items = [
    { href: paths.toDo, label: t.toDo },
    // Auditors and admins read the portfolio too (the time machine's view of the past).
    ...(has("core-team") || has("auditor") || has("admin") ? [{ href: paths.portfolio, label: t.portfolio }] : []),
    ...(has("core-team") ? [{ href: paths.inbox, label: t.inbox }] : []),
    { href: paths.meetings, label: t.meetings },
    { href: paths.decisions, label: t.decisions },
    { href: paths.budget, label: t.budget },
    ...(has("auditor") || has("admin") ? [{ href: paths.audit, label: t.audit }] : []),
    ...(has("admin") ? [{ href: paths.administration, label: t.administration }] : []),
  ];
  return (
    <nav aria-label={t.mainNavigation}>
      <ul className="main-menu">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} {...(path === item.href ? { "aria-current": "page" } : {})}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Every page's frame: a skip link first (keyboard users pass the header in one step), then
 * the landmarks a screen reader lists (banner, navigation, main, contentinfo). Each page
 * names itself in the browser's tab with useDocumentTitle.
 */
export function Layout({ me, children }: { me: Me | undefined; children: ReactNode }) {
  const { t } = useLanguage();
  // After moving to another page, focus starts at its content, as after a page load it
  // starts at the top: a screen reader reads the new page, Tab goes on from there.
  const path = usePath();
  const shownPath = useRef(path);
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    main.current?.focus();
  }, [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <Link className="app-name" href={paths.toDo}>
          {t.appName}
        </Link>
        {me && <Navigation me={me} />}
        <div className="header-tools">
          <LanguageSwitch />
          {me && <SignOutButton />}
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {me && <SignedInPerson me={me} />}
        {children}
      </main>
      <footer className="site-footer">
        <Link href={paths.accessibility}>{t.accessibilityStatement}</Link>
      </footer>
    </>
  );
}
