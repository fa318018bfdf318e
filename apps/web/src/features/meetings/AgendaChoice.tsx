import { Checkbox, CheckboxGroup, Label } from "react-aria-components";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";
import type { AgendaCandidate, AgendaCandidateKind } from "./types";

const KINDS: ReadonlyArray<AgendaCandidateKind> = ["tension", "signal", "next-step", "delegation-decision"];

/** A candidate's key in the draft: its place in the list GET /agenda-candidates answered. */
export const candidateKey = (index: number): string => String(index);

/**
 * The open items the agenda may take up, a group of check boxes per kind (tensions, signals,
 * next steps, delegated decisions), each by the title its agenda item will have. The value
 * is the chosen candidates' keys.
 */
export function AgendaChoice({
  id,
  candidates,
  value,
  onChange,
  error,
}: {
  id: string;
  candidates: { data: ReadonlyArray<AgendaCandidate> | undefined; error: unknown };
  value: ReadonlyArray<string>;
  onChange: (keys: ReadonlyArray<string>) => void;
  error: string | undefined;
}) {
  const m = useMessages(messages);
  return (
    <fieldset id={id} className="field agenda-choice" tabIndex={-1}>
      <legend>{m.agendaFromOpenItems}</legend>
      <p className="note">{m.agendaFromOpenItemsNote}</p>
      <QueryState query={candidates}>
        {(list) => {
          const keyed = list.map((candidate, index) => ({ candidate, key: candidateKey(index) }));
          if (keyed.length === 0) return <p>{m.noCandidates}</p>;
          return KINDS.map((kind) => {
            const ofKind = keyed.filter((entry) => entry.candidate.kind === kind);
            if (ofKind.length === 0) return null;
            const keysOfKind = new Set(ofKind.map((entry) => entry.key));
            return (
              <CheckboxGroup
                key={kind}
                className="field choice"
                value={value.filter((key) => keysOfKind.has(key))}
                onChange={(chosen) => onChange([...value.filter((key) => !keysOfKind.has(key)), ...chosen])}
                isInvalid={error !== undefined}
              >
                <Label>{m.candidateKind[kind]}</Label>
                {ofKind.map(({ candidate, key }) => (
                  <Checkbox key={key} value={key} className="checkbox">
                    {candidate.title}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            );
          });
        }}
      </QueryState>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
