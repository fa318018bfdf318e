/**
 * Progress of long work on stderr: a redrawn bar with rate and ETA on a terminal, and a
 * line every ten percent otherwise (CI logs, pipes), so stdout stays clean for data.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly unit = "events",
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** The `onProgress` option of verifyStore, copyLog and rebuildProjections: how far of the log's head. */
  readonly onProgress = ({ position, headPosition }: { readonly position: number; readonly headPosition: number }): void =>
    this.update(position, headPosition);

  update(done: number, total: number): void {
    const now = Date.now();
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const figures = `${done.toLocaleString("en")}/${total.toLocaleString("en")} ${this.unit}, ${Math.round(rate).toLocaleString("en")}/s, ETA ${formatSeconds(eta)}`;
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100 && done < total) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      this.stream.write(
        `\r${this.label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${figures}\u001b[K`,
      );
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile === this.lastDecile) return;
    this.lastDecile = decile;
    this.stream.write(`${this.label}: ${decile * 10}% ${figures}\n`);
  }

  done(summary: string): void {
    if (this.stream.isTTY) this.stream.write("\r\u001b[K");
    this.stream.write(`${this.label}: ${summary} in ${formatSeconds((Date.now() - this.started) / 1000)}\n`);
  }
}

const formatSeconds = (seconds: number): string =>
  seconds < 60 ? `${seconds.toFixed(seconds < 10 ? 1 : 0)}s` : `${Math.floor(seconds / 60)}m${Math.round(seconds % 60)}s`;
