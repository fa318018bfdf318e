import { useApiQuery } from "../../api/queries";
import { BarChart } from "../../charts/BarChart";
import { LineChart } from "../../charts/LineChart";
import { formatNumber } from "../../charts/format";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import type { CheckIn, LeadershipNeeded } from "../initiative/types";
import { messages as checkInWords } from "../lead-forms/messages";
import { messages } from "./messages";

const LEADERSHIP: ReadonlyArray<LeadershipNeeded> = ["more-direction", "more-detail", "more-space", "as-is"];

/** Mandate clarity and confidence per check-in, and how often each kind of leadership was asked for. */
function CheckInCharts({ checkIns }: { checkIns: ReadonlyArray<CheckIn> }) {
  const m = useMessages(messages);
  const words = useMessages(checkInWords);
  const { language } = useLanguage();
  if (checkIns.length === 0) return <p>{m.noCheckIns}</p>;
  const last = checkIns.at(-1)!;
  const dates = checkIns.map((checkIn) => formatDate(checkIn.heldOn, language));
  const counts = LEADERSHIP.map((kind) => checkIns.filter((checkIn) => checkIn.leadershipNeeded === kind).length);
  const leadership = (kind: string) => words.leadership[kind] ?? kind;
  return (
    <>
      <LineChart
        caption={m.scores}
        summary={m.scoresSummary(checkIns.length, dates[0]!, dates.at(-1)!, last.mandateClarity, last.confidence)}
        categories={dates}
        series={[
          { key: "mandateClarity", label: m.mandateClarity, values: checkIns.map((checkIn) => checkIn.mandateClarity) },
          { key: "confidence", label: m.confidence, values: checkIns.map((checkIn) => checkIn.confidence) },
        ]}
        min={1}
        max={5}
        formatTick={(value) => formatNumber(value, language)}
        table={{
          caption: m.scoresTable,
          columns: [m.heldOn, m.mandateClarity, m.confidence, m.leadershipNeeded],
          rows: checkIns.map((checkIn, index) => ({
            key: checkIn.checkInId,
            cells: [dates[index], checkIn.mandateClarity, checkIn.confidence, leadership(checkIn.leadershipNeeded)],
          })),
        }}
      />
      <BarChart
        caption={m.leadership}
        summary={m.leadershipSummary(
          LEADERSHIP.map((kind, index) => `${leadership(kind)} ${m.count(counts[index]!)}`).join(", "),
        )}
        categories={LEADERSHIP.map(leadership)}
        series={[{ key: "count", label: m.checkInCount, values: counts }]}
        formatValue={(value) => m.count(value)}
        table={{
          caption: m.leadershipTable,
          columns: [m.answer, m.checkInCount],
          rows: LEADERSHIP.map((kind, index) => ({ key: kind, cells: [leadership(kind), counts[index]] })),
        }}
      />
    </>
  );
}

export function CheckInsOverTime({ initiativePath }: { initiativePath: string }) {
  const m = useMessages(messages);
  const checkIns = useApiQuery<CheckIn[]>(`${initiativePath}/check-ins`);
  return (
    <section aria-labelledby="check-ins-over-time">
      <h2 id="check-ins-over-time">{m.checkIns}</h2>
      <QueryState query={checkIns}>{(list) => <CheckInCharts checkIns={list} />}</QueryState>
    </section>
  );
}
