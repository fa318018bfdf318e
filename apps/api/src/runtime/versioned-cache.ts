/**
 * Answers to questions, each kept with the version of the state it was read from, for as
 * long as that state holds: `get` answers only when asked at the very version it was kept
 * at. The caller makes the version of everything the answer depends on (positions,
 * database change counters, the date), and reads it BEFORE reading the answer, so a kept
 * answer is never older than its version; a version that has moved on misses, and the next
 * `set` replaces the old answer. One entry per question, at most `maxEntries` of them: the
 * least recently used question goes first.
 */
export class VersionedCache<Answer> {
  private readonly entries = new Map<string, { readonly version: string; readonly answer: Answer }>();

  constructor(readonly maxEntries: number) {
    if (!(maxEntries >= 1)) throw new Error("A cache holds at least one entry");
  }

  get size(): number {
    return this.entries.size;
  }

  get(question: string, version: string): Answer | undefined {
    const entry = this.entries.get(question);
    if (entry === undefined || entry.version !== version) return undefined;
    // Most recently used last: a Map keeps its keys in the order they were set.
    this.entries.delete(question);
    this.entries.set(question, entry);
    return entry.answer;
  }

  set(question: string, version: string, answer: Answer): void {
    this.entries.delete(question);
    this.entries.set(question, { version, answer });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets the answer, but only if it is still `answer` (a failed read must not stay, nor remove a newer one). */
  delete(question: string, answer: Answer): void {
    if (this.entries.get(question)?.answer === answer) this.entries.delete(question);
  }

  /**
   * The kept answer at `version`, or the one `read` gives, kept at `version`. A promise is
   * kept as it is made, so concurrent asks of one question at one version share one read;
   * one that is rejected is forgotten, so the next ask reads again.
   */
  answer(question: string, version: string, read: () => Answer): Answer {
    const kept = this.get(question, version);
    if (kept !== undefined) return kept;
    const reading = read();
    this.set(question, version, reading);
    if (reading instanceof Promise) reading.catch(() => this.delete(question, reading));
    return reading;
  }
}
