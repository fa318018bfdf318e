import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";
import type { CheckIn } from "./types";

/** The latest check-ins the trend shows: enough for a direction, few enough to read. */
export const TREND_LENGTH = 12;

// The drawing's own units; it scales to the width it is given.
const WIDTH = 480;
const HEIGHT = 200;
const LEFT = 32;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 28;
const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * The two series, told apart by more than colour (a solid line with dots, a dashed line with
 * squares) and in colours that stay apart for red–green colour blindness and in greyscale print.
 */
const SERIES = [
  { key: "mandateClarity", colour: "#0b3d91", dash: undefined, marker: "circle" },
  { key: "confidence", colour: "#a34700", dash: "7 4", marker: "square" },
] as const;

const x = (index: number, count: number) =>
  count === 1 ? LEFT + (WIDTH - LEFT - RIGHT) / 2 : LEFT + (index * (WIDTH - LEFT - RIGHT)) / (count - 1);
const y = (value: number) => TOP + ((5 - value) * (HEIGHT - TOP - BOTTOM)) / 4;

function Marker({ shape, cx, cy, colour }: { shape: "circle" | "square"; cx: number; cy: number; colour: string }) {
  return shape === "circle" ? (
    <circle cx={cx} cy={cy} r={4.5} fill={colour} />
  ) : (
    <rect x={cx - 5} y={cy - 5} width={10} height={10} fill="none" stroke={colour} strokeWidth={2} />
  );
}

/** A small line sample for the legend, drawn as the series is. */
function Sample({ series }: { series: (typeof SERIES)[number] }) {
  return (
    <svg width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" focusable="false">
      <line x1="0" y1="7" x2="36" y2="7" stroke={series.colour} strokeWidth={2.5} strokeDasharray={series.dash} />
      <Marker shape={series.marker} cx={18} cy={7} colour={series.colour} />
    </svg>
  );
}

/**
 * Mandate clarity and confidence (1–5) over the latest check-ins, oldest to the left: a line
 * chart for the eye, and the same values in a table for a screen reader, print and anyone
 * who reads figures better than lines.
 */
export function CheckInTrend({ checkIns }: { checkIns: ReadonlyArray<CheckIn> }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const latest = checkIns.slice(-TREND_LENGTH);
  if (latest.length === 0) return null;
  const label = { mandateClarity: m.mandateClarity, confidence: m.confidence };
  return (
    <figure className="trend" aria-labelledby="trend-title">
      <figcaption id="trend-title">
        <h3>{m.trend}</h3>
      </figcaption>
      <svg
        className="trend-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="trend-title"
        aria-describedby="trend-description"
        focusable="false"
      >
        <desc id="trend-description">{m.trendDescription(latest.length)}</desc>
        {SCALE.map((value) => (
          <g key={value}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(value)} y2={y(value)} stroke="#767676" strokeWidth={0.75} />
            <text x={LEFT - 10} y={y(value) + 5} textAnchor="end" fontSize="13" fill="#111">
              {value}
            </text>
          </g>
        ))}
        <text x={LEFT} y={HEIGHT - 6} fontSize="13" fill="#111">
          {formatDate(latest[0]!.heldOn, language)}
        </text>
        {latest.length > 1 && (
          <text x={WIDTH - RIGHT} y={HEIGHT - 6} textAnchor="end" fontSize="13" fill="#111">
            {formatDate(latest.at(-1)!.heldOn, language)}
          </text>
        )}
        {SERIES.map((series) => (
          <g key={series.key}>
            <polyline
              points={latest.map((checkIn, index) => `${x(index, latest.length)},${y(checkIn[series.key])}`).join(" ")}
              fill="none"
              stroke={series.colour}
              strokeWidth={2.5}
              strokeDasharray={series.dash}
            />
            {latest.map((checkIn, index) => (
              <Marker
                key={checkIn.checkInId}
                shape={series.marker}
                cx={x(index, latest.length)}
                cy={y(checkIn[series.key])}
                colour={series.colour}
              />
            ))}
          </g>
        ))}
      </svg>
      <ul className="trend-legend" aria-hidden="true">
        {SERIES.map((series) => (
          <li key={series.key}>
            <Sample series={series} /> {label[series.key]}
          </li>
        ))}
      </ul>
      <table className="trend-table">
        <caption>{m.trendTable}</caption>
        <thead>
          <tr>
            <th scope="col">{m.heldOn}</th>
            <th scope="col">{m.mandateClarity}</th>
            <th scope="col">{m.confidence}</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((checkIn) => (
            <tr key={checkIn.checkInId}>
              <th scope="row">{formatDate(checkIn.heldOn, language)}</th>
              <td>{checkIn.mandateClarity}</td>
              <td>{checkIn.confidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
