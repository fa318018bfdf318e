import { useApiQuery } from "../../api/queries";
import { LineChart } from "../../charts/LineChart";
import { formatMonth, formatNumber, isoWeek } from "../../charts/format";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useSearch } from "../../router";
import { showChoice } from "../../charts/choices";
import { messages } from "./messages";
import { type Bucket, type OverTimeView, SPANS, parseView, timelinePath, viewPath } from "./over-time-view";
import type { TimelinePeriod } from "./types";

/** The choice of period (week or month) and how far back, applied at once and kept in the address. */
function TimelineChoices({ initiativeId, view }: { initiativeId: string; view: OverTimeView }) {
  const m = useMessages(messages);
  const show = (next: Partial<OverTimeView>) => showChoice(viewPath(initiativeId, { ...view, ...next }));
  return (
    <fieldset className="chart-choices no-print">
      <legend>{m.choices}</legend>
      <fieldset className="chart-choice-group">
        <legend>{m.bucket}</legend>
        {(["month", "week"] as const satisfies ReadonlyArray<Bucket>).map((bucket) => (
          <label key={bucket}>
            <input type="radio" name="bucket" value={bucket} checked={view.bucket === bucket} onChange={() => show({ bucket })} />
            {m[bucket]}
          </label>
        ))}
      </fieldset>
      <div className="select-field">
        <label htmlFor="timeline-span">{m.span}</label>
        <select
          id="timeline-span"
          value={view.years}
          onChange={(event) => show({ years: Number(event.target.value) as OverTimeView["years"] })}
        >
          {SPANS.map((years) => (
            <option key={years} value={years}>
              {m.years(years)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** Tensions raised, resolved and open per week or month, and the mean intensity of the open ones. */
function TimelineCharts({ periods, bucket }: { periods: ReadonlyArray<TimelinePeriod>; bucket: Bucket }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  if (periods.length === 0) return <p>{m.noTensions}</p>;
  const unit = m[bucket];
  const short = (period: TimelinePeriod) =>
    bucket === "month" ? formatMonth(period.periodStart, language) : m.weekLabel(...isoWeek(period.periodStart));
  const long = (period: TimelinePeriod) =>
    bucket === "month" ? formatMonth(period.periodStart, language) : m.weekName(...isoWeek(period.periodStart));
  const from = formatDate(periods[0]!.periodStart, language);
  const to = formatDate(periods.at(-1)!.periodStart, language);
  const sum = (key: "raised" | "resolved") => periods.reduce((total, period) => total + period[key], 0);
  const intensity = (period: TimelinePeriod) =>
    period.meanIntensity === null ? m.noIntensity : formatNumber(period.meanIntensity, language);
  const last = periods.at(-1)!;
  return (
    <>
      <LineChart
        caption={m.tensionCounts(unit)}
        summary={m.tensionCountsSummary(unit, from, to, sum("raised"), sum("resolved"), last.open)}
        categories={periods.map(short)}
        series={(["raised", "resolved", "open"] as const).map((key) => ({
          key,
          label: m[key],
          values: periods.map((period) => period[key]),
        }))}
        formatTick={(value) => formatNumber(value, language)}
        table={{
          caption: m.tensionTable(unit),
          columns: [m.period[bucket]!, m.raised, m.resolved, m.open, m.meanIntensity],
          rows: periods.map((period) => ({
            key: period.periodStart,
            cells: [long(period), period.raised, period.resolved, period.open, intensity(period)],
          })),
        }}
      />
      <LineChart
        caption={m.intensity(unit)}
        summary={m.intensitySummary(unit, from, to, intensity(last))}
        categories={periods.map(short)}
        series={[{ key: "meanIntensity", label: m.meanIntensity, values: periods.map((period) => period.meanIntensity) }]}
        min={1}
        max={5}
        formatTick={(value) => formatNumber(value, language)}
        table={{
          caption: m.intensityTable(unit),
          columns: [m.period[bucket]!, m.meanIntensity],
          rows: periods.map((period) => ({ key: period.periodStart, cells: [long(period), intensity(period)] })),
        }}
      />
    </>
  );
}

export function TensionsOverTime({ initiativeId, initiativePath }: { initiativeId: string; initiativePath: string }) {
  const m = useMessages(messages);
  const view = parseView(useSearch());
  const timeline = useApiQuery<TimelinePeriod[]>(timelinePath(initiativePath, view, todayInStockholm()));
  return (
    <section aria-labelledby="tensions-over-time">
      <h2 id="tensions-over-time">{m.tensions}</h2>
      <TimelineChoices initiativeId={initiativeId} view={view} />
      <QueryState query={timeline}>{(periods) => <TimelineCharts periods={periods} bucket={view.bucket} />}</QueryState>
    </section>
  );
}
