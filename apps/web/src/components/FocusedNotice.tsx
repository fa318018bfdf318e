import { useEffect, useRef } from "react";

/**
 * What was just saved, said where the person is and focused, so that a screen reader reads it
 * and Tab goes on from there (a form's button, disabled while it sent, holds focus no more).
 * Focused again when drawn anew: give it a `key` that changes with each save.
 */
export function FocusedNotice({ text }: { text: string | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // After the layout moved focus to a new page's content: then to the notice in it.
    if (!text) return;
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [text]);
  if (!text) return null;
  return (
    <p ref={ref} role="status" className="success" tabIndex={-1}>
      {text}
    </p>
  );
}
