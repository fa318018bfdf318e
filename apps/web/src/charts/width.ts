import { type RefCallback, useCallback, useState } from "react";

/** The narrowest and widest a drawing is laid out for, in CSS pixels (the page's column is at most 46 rem). */
export const NARROWEST = 260;
export const WIDEST = 640;

/**
 * The width a chart has on the page, kept up to date as the window changes, so that the
 * drawing is laid out for it one unit to a pixel: its text stays the page's size at 320 px
 * rather than shrinking with a fixed drawing. Before the first measurement (and wherever
 * nothing can be measured) it is `fallback`.
 */
export function useAvailableWidth(fallback: number): readonly [RefCallback<HTMLElement>, number] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, Math.min(WIDEST, Math.max(NARROWEST, width ?? fallback))] as const;
}
