/**
 * Items with the same title told apart by their place among them, "(1 av 2)", "(2 av 2)":
 * two delegation decisions of one day about one initiative, or two tensions worded alike,
 * would otherwise be two check boxes nobody can tell apart, and a plan taking both would be
 * refused (agenda-items-alike). Items with a title of their own keep it. A numbered title that
 * meets another item's own title ("X (1 av 2)" written so) is numbered again.
 */
export function distinctTitles<T extends { readonly title: string }>(items: ReadonlyArray<T>): T[] {
  let titled = [...items];
  while (new Set(titled.map(({ title }) => title)).size < titled.length) titled = numberedOnce(titled);
  return titled;
}

function numberedOnce<T extends { readonly title: string }>(items: ReadonlyArray<T>): T[] {
  const counts = new Map<string, number>();
  for (const { title } of items) counts.set(title, (counts.get(title) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = counts.get(item.title)!;
    if (count === 1) return item;
    const place = (seen.get(item.title) ?? 0) + 1;
    seen.set(item.title, place);
    return { ...item, title: `${item.title} (${place} av ${count})` };
  });
}
