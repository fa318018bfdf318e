import { defineMessages, useMessages } from "./define-messages";

// A focus area is stored by its key (`alla-barn-och-unga-lyckas`); its name is the users' own
// words, in each language. One table for every page that names one.

const names = defineMessages<Readonly<Record<string, string>>>(
  { "alla-barn-och-unga-lyckas": "Alla barn och unga lyckas" },
  { "alla-barn-och-unga-lyckas": "All children and young people succeed" },
);

/** A key in words, for a focus area this app has no name for: "ny-satsning" is "Ny satsning". */
const fromKey = (key: string): string => {
  const words = key.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A focus area's name in the person's language. */
export function useFocusAreaName(): (focusArea: string) => string {
  const known = useMessages(names);
  return (focusArea) => known[focusArea] ?? fromKey(focusArea);
}
