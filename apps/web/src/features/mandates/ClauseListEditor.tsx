import { useEffect, useRef } from "react";
import { Button, Label, TextArea, TextField } from "react-aria-components";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { LETTER, type Term } from "./clause-draft";
import { messages } from "./messages";

/** Where focus goes after the list changed: a clause's text, or the add button when none is left. */
type FocusTarget = { readonly index: number } | "add" | null;

/**
 * One term's clauses (scope, boundaries or principles), each a labelled text area: "S1",
 * "B2" … for a clause that has its id, "New clause 1" … for one the server will number (a
 * grant numbers in order, so there the coming id is shown). A clause can be reworded,
 * removed and added; its id stays beside its text. Focus follows: to a clause just added,
 * and after a removal to the clause that took its place (or the one before, or the add button).
 */
export function ClauseListEditor({
  term,
  texts,
  ids,
  onChange,
  error,
  numberedInOrder,
}: {
  term: Term;
  texts: ReadonlyArray<string>;
  ids: ReadonlyArray<string>;
  onChange: (texts: ReadonlyArray<string>, ids: ReadonlyArray<string>) => void;
  error: string | undefined;
  /** A grant: every clause is new and the server numbers them in order, so their ids are known. */
  numberedInOrder: boolean;
}) {
  const { t } = useLanguage();
  const m = useMessages(messages);
  const legend = t[term];
  const areas = useRef<Array<HTMLTextAreaElement | null>>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the change is rendered (the list the parent holds comes back first).
  const focusTarget = useRef<FocusTarget>(null);
  useEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    focusTarget.current = null;
    if (target === "add") addButton.current?.focus();
    else areas.current[target.index]?.focus();
  });
  const setFocusTarget = (target: FocusTarget) => {
    focusTarget.current = target;
  };

  const labels = texts.map((_, index) => {
    const id = ids[index] ?? "";
    if (id !== "") return id;
    const newOnes = ids.slice(0, index + 1).filter((each) => (each ?? "") === "").length;
    return numberedInOrder ? `${LETTER[term]}${index + 1}` : `${m.newClause} ${newOnes}`;
  });

  const reword = (index: number, text: string) => onChange(texts.toSpliced(index, 1, text), ids);
  const add = () => {
    onChange([...texts, ""], [...ids, ""]);
    setFocusTarget({ index: texts.length });
  };
  const remove = (index: number) => {
    onChange(texts.toSpliced(index, 1), ids.toSpliced(index, 1));
    const left = texts.length - 1;
    setFocusTarget(left === 0 ? "add" : { index: Math.min(index, left - 1) });
  };

  const hintId = `${term}-hint`;
  const errorId = `${term}-error`;
  return (
    <fieldset id={term} className="field clause-list" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="note">
        {m.termHint[term]}
      </p>
      {error !== undefined && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {texts.length === 0 && <p>{m.noClauses}</p>}
      <ol className="clause-items">
        {texts.map((text, index) => (
          <li key={index} className="clause-item">
            <TextField id={`${term}-${index}`} value={text} onChange={(value) => reword(index, value)} className="field">
              <Label>{labels[index]}</Label>
              <TextArea
                rows={2}
                ref={(element) => {
                  areas.current[index] = element;
                }}
              />
            </TextField>
            <Button className="button secondary" onPress={() => remove(index)}>
              {m.removeClause(labels[index]!)}
            </Button>
          </li>
        ))}
      </ol>
      <Button ref={addButton} className="button secondary" onPress={add}>
        {m.addClause(legend)}
      </Button>
    </fieldset>
  );
}
