import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-aria-components";
import type { Me } from "../api/types";
import { useLanguage } from "../i18n/language";
import { paths, usePath } from "../router";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignedInPerson } from "./SignedInPerson";
import { SignOutButton } from "./SignOutButton";

/**
 * Every page's frame: a skip link first (keyboard users pass the header in one step), then
 * the landmarks a screen reader lists (banner, navigation, main). `title` names the page in
 * the browser's tab.
 */
export function Layout({ me, title, children }: { me: Me | undefined; title: string; children: ReactNode }) {
  const { t } = useLanguage();
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title, t.appName]);
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
        {me && (
          <nav aria-label={t.mainNavigation}>
            <Link href={paths.toDo}>{t.toDo}</Link>
          </nav>
        )}
        <div className="header-tools">
          <LanguageSwitch />
          {me && <SignOutButton />}
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {me && <SignedInPerson me={me} />}
        {children}
      </main>
    </>
  );
}
