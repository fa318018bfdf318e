/**
 * An axis for counts and amounts: round tick values from 0 (or `min`) to at least the largest
 * value, and the scale that places a value along a length of the drawing.
 */
export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly ticks: ReadonlyArray<number>;
  /** A value's place between `from` (at min) and `to` (at max). */
  readonly place: (value: number, from: number, to: number) => number;
}

/** A round step (1, 2 or 5 times a power of ten) giving about `count` steps up to `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * power;
}

/**
 * From `min` (0 unless told) to a round value at or above the largest of `values` (or `max`
 * when given: a fixed scale such as 1–5), with about `count` ticks; whole steps only.
 */
export function linearAxis(values: ReadonlyArray<number>, options: { min?: number; max?: number; count?: number } = {}): Axis {
  const min = options.min ?? 0;
  const count = options.count ?? 4;
  const largest = Math.max(min + 1, ...values);
  const step = Math.max(1, niceStep((options.max ?? largest) - min, count));
  const max = options.max ?? min + Math.ceil((largest - min) / step) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 1000; tick += step) ticks.push(tick);
  return {
    min,
    max,
    ticks,
    place: (value, from, to) => from + ((value - min) * (to - from)) / (max - min),
  };
}

/** Which of `count` category labels to write under an axis: at most `room`, always the first and last. */
export function labelledIndexes(count: number, room: number): ReadonlyArray<number> {
  if (count <= room) return Array.from({ length: count }, (_, index) => index);
  const every = Math.ceil((count - 1) / (room - 1));
  const indexes: number[] = [];
  // One too near the last is left out, so the two never overlap.
  for (let index = 0; index < count - 1; index += every) if (count - 1 - index >= every * 0.75) indexes.push(index);
  indexes.push(count - 1);
  return indexes;
}
