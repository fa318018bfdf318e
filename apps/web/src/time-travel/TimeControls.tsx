import { type FormEvent, useRef, useState } from "react";
import { Button, FieldError, Input, Label, Text, TextField } from "react-aria-components";
import { useMessages } from "../i18n/define-messages";
import { navigate, usePath, useSearch } from "../router";
import { focusAfterTimeChange } from "./focus-after-time-change";
import { messages } from "./messages";
import { type TimePoint, parseDate, parseDateTime, parseTime, withTime } from "./time";
import "./time-travel.css";

/** `2024-11-01T12:00` as people write it, with a space. */
const shown = (asOf: string | null) => (asOf ?? "").replace("T", " ");

/**
 * The time machine's form: "Gällande den" (a date) and "Som det var känt den" (a date and
 * time, Stockholm), shown by "Visa" into the address (`galler`, `kant`), and "Tillbaka till
 * idag" to clear both. A value that is no date says so under its field and takes focus.
 */
export function TimeControls() {
  const current = parseTime(useSearch());
  // Another address (Back, a link, "Tillbaka till idag"): a fresh form showing what it asks for.
  return <TimeForm key={`${current.at}|${current.asOf}`} current={current} />;
}

function TimeForm({ current }: { current: TimePoint }) {
  const m = useMessages(messages);
  const path = usePath();
  const search = useSearch();
  const [at, setAt] = useState(current.at ?? "");
  const [asOf, setAsOf] = useState(shown(current.asOf));
  const [errors, setErrors] = useState<{ at?: string; asOf?: string }>({});
  const atRef = useRef<HTMLInputElement>(null);
  const asOfRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const atValue = at.trim() === "" ? null : parseDate(at);
    const asOfValue = asOf.trim() === "" ? null : parseDateTime(asOf);
    const found = {
      ...(at.trim() !== "" && atValue === null ? { at: m.badAt } : {}),
      ...(asOf.trim() !== "" && asOfValue === null ? { asOf: m.badAsOf } : {}),
    };
    setErrors(found);
    if (found.at) return atRef.current?.focus();
    if (found.asOf) return asOfRef.current?.focus();
    navigate(withTime(path, search, { at: atValue, asOf: asOfValue }));
    focusAfterTimeChange(atValue !== null || asOfValue !== null);
  };

  return (
    <form className="time-controls no-print" onSubmit={submit} noValidate aria-labelledby="time-controls-title">
      <fieldset>
        <legend id="time-controls-title">{m.controlsTitle}</legend>
        <p className="note">{m.controlsHint}</p>
        <div className="time-fields">
          <TextField
            id="time-at"
            className="field"
            value={at}
            onChange={setAt}
            isInvalid={errors.at !== undefined}
            autoComplete="off"
          >
            <Label>{m.at}</Label>
            <Text slot="description" className="note">
              {m.atHint}
            </Text>
            <Input ref={atRef} size={12} />
            <FieldError className="field-error">{errors.at}</FieldError>
          </TextField>
          <TextField
            id="time-as-of"
            className="field"
            value={asOf}
            onChange={setAsOf}
            isInvalid={errors.asOf !== undefined}
            autoComplete="off"
          >
            <Label>{m.asOf}</Label>
            <Text slot="description" className="note">
              {m.asOfHint}
            </Text>
            <Input ref={asOfRef} size={18} />
            <FieldError className="field-error">{errors.asOf}</FieldError>
          </TextField>
        </div>
        <div className="time-buttons">
          <Button type="submit" className="button">
            {m.show}
          </Button>
          <Button
            type="button"
            className="button secondary"
            onPress={() => {
              navigate(withTime(path, search, { at: null, asOf: null }));
              focusAfterTimeChange(false);
            }}
          >
            {m.backToToday}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
