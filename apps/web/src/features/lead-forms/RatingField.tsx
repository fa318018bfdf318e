import { ChoiceField } from "../../components/ChoiceField";

/** The five steps of a rating (mandate clarity, confidence, a tension's intensity), each named. */
export function RatingField({
  id,
  label,
  names,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  /** The steps' names, by "1" to "5". */
  names: Readonly<Record<string, string>>;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <ChoiceField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={["1", "2", "3", "4", "5"].map((step) => ({ value: step, label: names[step] ?? step }))}
      error={error}
    />
  );
}
