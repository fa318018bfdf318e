import { type ReactNode, useState } from "react";
import { Button } from "react-aria-components";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";

/**
 * A long list shown by its first `shown` items, with a button for the rest: the page stays
 * short, and nothing is out of reach. `children` renders the items it is given.
 */
export function ShowAll<T>({
  items,
  shown,
  children,
}: {
  items: ReadonlyArray<T>;
  shown: number;
  children: (items: ReadonlyArray<T>) => ReactNode;
}) {
  const m = useMessages(messages);
  const [all, setAll] = useState(false);
  return (
    <>
      {children(all ? items : items.slice(0, shown))}
      {items.length > shown && (
        <Button className="button secondary no-print" onPress={() => setAll(!all)} aria-expanded={all}>
          {all ? m.showFewer : m.showAll(items.length)}
        </Button>
      )}
    </>
  );
}
