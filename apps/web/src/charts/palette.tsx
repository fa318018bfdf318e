import { type ReactNode, useId } from "react";

/**
 * The series' looks: Okabe–Ito's colours (told apart with the common colour blindnesses), the
 * darkest first, each with its own marker, line dash and bar pattern, so that no series is told
 * from another by colour alone, on screen, in greyscale print or to a colour-blind eye.
 */
export interface SeriesStyle {
  readonly colour: string;
  readonly marker: "circle" | "square" | "triangle" | "diamond";
  readonly dash: string | undefined;
  readonly pattern: "solid" | "stripes" | "dots" | "grid";
}

export const SERIES_STYLES: ReadonlyArray<SeriesStyle> = [
  { colour: "#0072B2", marker: "circle", dash: undefined, pattern: "solid" },
  { colour: "#D55E00", marker: "square", dash: "8 4", pattern: "stripes" },
  { colour: "#009E73", marker: "triangle", dash: "2 4", pattern: "dots" },
  { colour: "#CC79A7", marker: "diamond", dash: "12 4 3 4", pattern: "grid" },
];

export const styleOf = (index: number): SeriesStyle => SERIES_STYLES[index % SERIES_STYLES.length]!;

/** Text and lines drawn in the page's own near-black, for contrast. */
export const INK = "#111";

/** A series' marker at a point, outlined in ink so it stands out on any background. */
export function Marker({ style, x, y, size = 5 }: { style: SeriesStyle; x: number; y: number; size?: number }): ReactNode {
  const common = { fill: style.colour, stroke: INK, strokeWidth: 1 };
  switch (style.marker) {
    case "circle":
      return <circle cx={x} cy={y} r={size} {...common} />;
    case "square":
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
    case "triangle":
      return (
        <path
          d={`M${x},${y - size * 1.2} L${x + size * 1.1},${y + size * 0.9} L${x - size * 1.1},${y + size * 0.9} Z`}
          {...common}
        />
      );
    case "diamond":
      return (
        <path
          d={`M${x},${y - size * 1.3} L${x + size * 1.1},${y} L${x},${y + size * 1.3} L${x - size * 1.1},${y} Z`}
          {...common}
        />
      );
  }
}

/** A unique id for a drawing's own defs (React's ids hold characters a url(#…) reference may not). */
export const useSvgId = (): string => `chart${useId().replace(/[^a-zA-Z0-9]/g, "")}`;

/** A series' bar fill: its colour with a white texture over it (none for the first), with `id`. */
export function Pattern({ id, style }: { id: string; style: SeriesStyle }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={style.colour} />
      {style.pattern === "stripes" && <path d="M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6" stroke="#fff" strokeWidth="1.5" />}
      {style.pattern === "dots" && <circle cx="4" cy="4" r="1.6" fill="#fff" />}
      {style.pattern === "grid" && <path d="M0,4 H8 M4,0 V8" stroke="#fff" strokeWidth="1.2" />}
    </pattern>
  );
}

/** A legend's sample of a series, drawn as the chart draws it: a line with its marker, or a bar. */
export function Sample({ style, kind }: { style: SeriesStyle; kind: "line" | "bar" }) {
  const id = useSvgId();
  return (
    <svg className="chart-sample" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true" focusable="false">
      {kind === "line" ? (
        <>
          <line x1="0" y1="8" x2="36" y2="8" stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash} />
          <Marker style={style} x={18} y={8} size={4.5} />
        </>
      ) : (
        <>
          <defs>
            <Pattern id={id} style={style} />
          </defs>
          <rect x="2" y="2" width="32" height="12" fill={`url(#${id})`} stroke={INK} />
        </>
      )}
    </svg>
  );
}
