import { FieldError, Label, Radio, RadioGroup } from "react-aria-components";

/**
 * One choice among a few, all in view (React Aria's radio group: arrow keys move within it,
 * Tab leaves it). Radios rather than a drop-down, so every option, a clause's text too, is read.
 */
export function ChoiceField({
  id,
  label,
  value,
  onChange,
  options,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  error: string | undefined;
}) {
  return (
    <RadioGroup
      id={id}
      className="field choice"
      value={options.some((option) => option.value === value) ? value : null}
      onChange={onChange}
      isInvalid={error !== undefined}
    >
      <Label>{label}</Label>
      {options.map((option) => (
        <Radio key={option.value} value={option.value} className="radio">
          {option.label}
        </Radio>
      ))}
      <FieldError className="field-error">{error}</FieldError>
    </RadioGroup>
  );
}
