import { useEffect, useRef } from "react";

/**
 * What was just saved, said where the person is and focused as it appears, so that a screen
 * reader reads it and Tab goes on from there (a form's button, disabled while it sent, holds
 * focus no more). Drawn only while there is something to say; worded again in another
 * language without taking focus from the language switch. A `key` that changes with each
 * save draws it, and focuses it, anew.
 */
export function FocusedNotice({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // After the layout moved focus to a new page's content: then to the notice in it.
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <p ref={ref} role="status" className="success" tabIndex={-1}>
      {text}
    </p>
  );
}
