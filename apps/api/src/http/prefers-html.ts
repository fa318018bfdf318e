/**
 * True when the Accept header lists text/html ahead of JSON (or JSON not at all), as a
 * browser's does; quality values are not weighed. What /docs and /problems/<name> answer
 * a browser with a page and a program with JSON by.
 */
export const prefersHtml = (accept: string | undefined): boolean => {
  const types = (accept ?? "").split(",").map((range) => range.split(";")[0]!.trim().toLowerCase());
  const html = types.indexOf("text/html");
  const json = types.findIndex((type) => type === "application/json" || type.endsWith("+json"));
  return html !== -1 && (json === -1 || html < json);
};
