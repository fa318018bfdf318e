import { FieldError, Input, Label, TextArea, TextField } from "react-aria-components";
import { PersonalDataNote } from "./PersonalDataNote";

/**
 * A labelled text field (React Aria: label, description and error tied to the input for
 * screen readers). The error sits right under the label's field; the value is the caller's,
 * so an error never clears what was typed.
 */
export function TextInputField({
  id,
  label,
  value,
  onChange,
  error,
  multiline = false,
  personalDataNote = false,
  type = "text",
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  multiline?: boolean;
  personalDataNote?: boolean;
  type?: "text" | "date";
  /** The keyboard a phone shows: "decimal" for a number typed as text (draft-number.ts). */
  inputMode?: "decimal";
}) {
  return (
    <TextField
      id={id}
      className="field"
      value={value}
      onChange={onChange}
      isInvalid={error !== undefined}
      type={type}
      inputMode={inputMode}
    >
      <Label>{label}</Label>
      {personalDataNote && <PersonalDataNote />}
      {multiline ? <TextArea rows={5} /> : <Input />}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
