import { useFocusAreaName } from "../../i18n/focus-area-name";
import { ChoiceField } from "../../components/ChoiceField";
import { TextInputField } from "../../components/TextInputField";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";
import { useAdminInitiatives } from "./queries";

/** The choice that opens a text field for a focus area no initiative has yet. */
export const OTHER_FOCUS_AREA = "annat";

/** The focus area the two fields say: the one chosen, or the one written. */
export const focusAreaOf = (draft: { focusArea: string; focusAreaOther: string }): string | undefined =>
  (draft.focusArea === OTHER_FOCUS_AREA ? draft.focusAreaOther.trim() : draft.focusArea) || undefined;

/**
 * A focus area: those the initiatives have, by their names, or another one written as its
 * short name (the slug the API names it by, `alla-barn-och-unga-lyckas`).
 */
export function FocusAreaField({
  value,
  other,
  onChange,
  onOtherChange,
  error,
}: {
  value: string;
  other: string;
  onChange: (value: string) => void;
  onOtherChange: (value: string) => void;
  error: string | undefined;
}) {
  const focusAreaName = useFocusAreaName();
  const m = useMessages(messages);
  const initiatives = useAdminInitiatives();
  const known = [...new Set((initiatives.data ?? []).map((initiative) => initiative.focusArea))].sort();
  return (
    <>
      <ChoiceField
        id="focusArea"
        label={m.focusArea}
        value={value}
        onChange={onChange}
        options={[
          ...known.map((slug) => ({ value: slug, label: focusAreaName(slug) })),
          { value: OTHER_FOCUS_AREA, label: m.otherFocusArea },
        ]}
        error={value === OTHER_FOCUS_AREA ? undefined : error}
      />
      {value === OTHER_FOCUS_AREA && (
        <TextInputField id="focusAreaOther" label={m.otherFocusAreaName} value={other} onChange={onOtherChange} error={error} />
      )}
    </>
  );
}
