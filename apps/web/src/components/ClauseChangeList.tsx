import { defineMessages, useMessages } from "../i18n/define-messages";
import type { ClauseChange } from "./clause-changes";
import "./clause-change-list.css";

const messages = defineMessages(
  {
    kind: { added: "Ny", removed: "Borttagen", reworded: "Omformulerad" },
    before: "Före",
    after: "Efter",
  },
  {
    kind: { added: "New", removed: "Removed", reworded: "Reworded" },
    before: "Before",
    after: "After",
  },
);

/** Clauses that changed, each by its id with what it said before (struck) and says after. */
export function ClauseChangeList({ changes }: { changes: ReadonlyArray<Exclude<ClauseChange, { kind: "unchanged" }>> }) {
  const m = useMessages(messages);
  return (
    <ul className="clause-changes">
      {changes.map((change, index) => (
        <li key={change.id ?? `new-${index}`}>
          <strong>{change.id === undefined ? m.kind[change.kind] : `${change.id}: ${m.kind[change.kind]}`}</strong>
          {"before" in change && (
            <p>
              <span className="label">{m.before}:</span> <del>{change.before}</del>
            </p>
          )}
          {"after" in change && (
            <p>
              <span className="label">{m.after}:</span> <ins>{change.after}</ins>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
