import { Text } from "react-aria-components";
import { useLanguage } from "../i18n/language";

/**
 * Said under the label of every free-text field, and read out with it (the field's
 * description): the log keeps what is written for good (only a person's own name can be
 * crypto-shredded), so names and personal data do not belong there.
 */
export function PersonalDataNote() {
  const { t } = useLanguage();
  return (
    <Text slot="description" className="note">
      {t.personalDataNote}
    </Text>
  );
}
