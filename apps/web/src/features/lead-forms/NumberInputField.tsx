import { FieldError, I18nProvider, Input, Label, NumberField, Text } from "react-aria-components";
import { useLanguage } from "../../i18n/language";

/**
 * A number typed as the person writes it in their language (12,5 in Swedish, 12.5 in
 * English): React Aria's number field, kept as text in the draft ("" when empty).
 */
export function NumberInputField({
  id,
  label,
  description,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { language } = useLanguage();
  return (
    <I18nProvider locale={language === "sv" ? "sv-SE" : "en-GB"}>
      <NumberField
        id={id}
        className="field"
        value={value === "" ? Number.NaN : Number(value)}
        onChange={(number) => onChange(Number.isNaN(number) ? "" : String(number))}
        isInvalid={error !== undefined}
        formatOptions={{ maximumFractionDigits: 6, useGrouping: false }}
      >
        <Label>{label}</Label>
        {description && (
          <Text slot="description" className="note">
            {description}
          </Text>
        )}
        <Input />
        <FieldError className="field-error">{error}</FieldError>
      </NumberField>
    </I18nProvider>
  );
}
