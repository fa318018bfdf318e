import { Button, Link } from "react-aria-components";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { messages } from "./messages";

/** A lead's form's last row: save, or go back to the initiative without saving. */
export function FormActions({ initiativeId, sending }: { initiativeId: string; sending: boolean }) {
  const { t } = useLanguage();
  const m = useMessages(messages);
  return (
    <div className="actions">
      <Button type="submit" className="button" isDisabled={sending}>
        {sending ? m.saving : m.save}
      </Button>
      <Link href={paths.initiative(initiativeId)}>{t.cancel}</Link>
    </div>
  );
}
