import type { Me } from "../api/types";
import { useLanguage } from "../i18n/language";

/** Who the server says is signed in (GET /api/v1/me): name, roles today, initiatives led. */
export function SignedInPerson({ me }: { me: Me }) {
  const { t } = useLanguage();
  const name = me.person?.name ?? me.name ?? "";
  return (
    <section className="signed-in" aria-label={t.signedInAs}>
      <p>
        {t.signedInAs} <strong>{name}</strong>
        {". "}
        {t.roles}: {me.roles.length > 0 ? me.roles.map((role) => t.role[role] ?? role).join(", ") : t.none}.
        {me.initiatives.length > 0 && (
          <>
            {" "}
            {t.yourInitiatives}: {me.initiatives.map((initiative) => initiative.name).join(", ")}.
          </>
        )}
      </p>
    </section>
  );
}
