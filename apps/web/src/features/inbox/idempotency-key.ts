/**
 * An Idempotency-Key for a write of this body (docs/api.md "Idempotency"): the same body
 * gives the same key, so pressing again after a lost answer, or after a reload, repeats the
 * first write's answer instead of writing twice; a changed body is another write. The hash
 * only tells bodies apart (FNV-1a, twice with two seeds); it keeps no secret.
 */
export function idempotencyKey(purpose: string, body: unknown): string {
  const text = JSON.stringify(body);
  const fnv = (seed: number): string => {
    let hash = seed >>> 0;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
  };
  return `${purpose}-${fnv(0x811c9dc5)}${fnv(0x9747b28c)}`;
}
