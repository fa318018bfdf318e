import { Checkbox, CheckboxGroup, FieldError, Label, Text } from "react-aria-components";
import { usePeople } from "../api/queries";
import { byName } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { QueryState } from "./QueryState";

/**
 * People chosen by name (check-in participants, a meeting's attendees): a group of check
 * boxes, sorted the Swedish way, erased people left out. The value is their ids. `only`
 * narrows the list (say, to those present).
 */
export function PeopleChoice({
  id,
  label,
  description,
  value,
  onChange,
  error,
  only,
}: {
  id: string;
  label: string;
  description?: string;
  value: ReadonlyArray<string>;
  onChange: (ids: ReadonlyArray<string>) => void;
  error: string | undefined;
  only?: ReadonlyArray<string>;
}) {
  const people = usePeople();
  const { t } = useLanguage();
  return (
    <QueryState query={people}>
      {(list) => {
        const shown = list.filter((person) => !person.erased && (only === undefined || only.includes(person.id))).sort(byName);
        return (
          <CheckboxGroup id={id} className="field choice" value={[...value]} onChange={onChange} isInvalid={error !== undefined}>
            <Label>{label}</Label>
            {description && (
              <Text slot="description" className="note">
                {description}
              </Text>
            )}
            {shown.length === 0 && <p>{t.none}</p>}
            {shown.map((person) => (
              <Checkbox key={person.id} value={person.id} className="checkbox">
                {person.name}
              </Checkbox>
            ))}
            <FieldError className="field-error">{error}</FieldError>
          </CheckboxGroup>
        );
      }}
    </QueryState>
  );
}
