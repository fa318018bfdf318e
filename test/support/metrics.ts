/** Reading GET /metrics (Prometheus' text format) in end-to-end tests. */

/** The METRICS_TOKEN the suites that scrape start their server with. */
export const TEST_METRICS_TOKEN = "e2e-metrics-token-0123456789";

export async function scrape(url: string, token = TEST_METRICS_TOKEN): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}: ${await response.text()}`);
  return response.text();
}

/**
 * The value of one sample, `name{labels}` exactly as the labels are given (in the order
 * prom-client writes them); undefined when there is no such sample.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .join(",");
  const prefix = wanted === "" ? `${name} ` : `${name}{${wanted}} `;
  const line = text.split("\n").find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

/** Scrapes until `check` holds of a sample, for what the server does after answering (a feed closing). */
export async function eventually(url: string, name: string, check: (value: number | undefined) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let value: number | undefined;
  while (Date.now() < deadline) {
    value = sample(await scrape(url), name);
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} was ${value} after ${timeoutMs} ms`);
}
