import { useState } from "react";
import type { InitiativeListItem } from "../../api/types";
import { useInitiatives } from "../../api/queries";
import { ChoiceField } from "../../components/ChoiceField";
import { QueryState } from "../../components/QueryState";
import { TextInputField } from "../../components/TextInputField";
import { useMessages } from "../../i18n/define-messages";
import { byName } from "../../i18n/format";
import { messages } from "./messages";
import { type ExportFormat, exportPath } from "./types";

const WHOLE_LOG = "all";

/**
 * "Ladda ned loggen": the whole log or one initiative's events, optionally a period of
 * recorded time, as CSV for Excel or JSON Lines; the link is GET /audit/export itself, sent
 * with the session cookie, so the browser saves what the server streams.
 */
export function ExportSection() {
  const m = useMessages(messages);
  const initiatives = useInitiatives(true);
  const [scope, setScope] = useState(WHOLE_LOG);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [format, setFormat] = useState<ExportFormat>("csv");
  const backwards = from !== "" && to !== "" && to < from;
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{m.exportHeading}</h2>
      <p>{m.exportExplained}</p>
      <QueryState query={initiatives}>
        {(list: InitiativeListItem[]) => {
          const chosen = list.find((initiative) => initiative.id === scope);
          const formatName = format === "csv" ? m.formatCsv : m.formatJsonl;
          return (
            <div className="form">
              <ChoiceField
                id="export-scope"
                label={m.whichEvents}
                value={scope}
                onChange={setScope}
                options={[
                  { value: WHOLE_LOG, label: m.wholeLog },
                  ...[...list].sort(byName).map((initiative) => ({ value: initiative.id, label: initiative.name })),
                ]}
                error={undefined}
              />
              <p className="note">{m.initiativeNote}</p>
              <fieldset className="field audit-period">
                <legend>{m.periodLegend}</legend>
                <p className="note">{m.periodNote}</p>
                <TextInputField id="export-from" label={m.from} type="date" value={from} onChange={setFrom} error={undefined} />
                <TextInputField
                  id="export-to"
                  label={m.to}
                  type="date"
                  value={to}
                  onChange={setTo}
                  error={backwards ? m.toBeforeFrom : undefined}
                />
              </fieldset>
              <ChoiceField
                id="export-format"
                label={m.format}
                value={format}
                onChange={(value) => setFormat(value === "jsonl" ? "jsonl" : "csv")}
                options={[
                  { value: "csv", label: m.formatCsv },
                  { value: "jsonl", label: m.formatJsonl },
                ]}
                error={undefined}
              />
              {!backwards && (
                <p>
                  <a
                    className="button"
                    href={exportPath({ initiativeId: chosen?.id, from, to, format })}
                    download
                    aria-describedby="export-what"
                  >
                    {m.download}
                  </a>{" "}
                  <span id="export-what">{m.downloadWhat(chosen?.name ?? m.wholeLog, formatName)}</span>
                </p>
              )}
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
