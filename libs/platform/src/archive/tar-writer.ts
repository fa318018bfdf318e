import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { once } from "node:events";

const BLOCK = 512;

/**
 * A POSIX ustar archive, written entry by entry: a header block, the bytes, padding to a
 * block. Enough for an archival package (regular files and folders, paths up to 255
 * bytes split into prefix and name); no dependency for it.
 */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  async directory(path: string, modified: Date): Promise<void> {
    await this.write(header(path.endsWith("/") ? path : `${path}/`, 0, modified, "5"));
  }

  async file(path: string, size: number, modified: Date, content: Buffer | { readonly file: string }): Promise<void> {
    await this.write(header(path, size, modified, "0"));
    if (Buffer.isBuffer(content)) await this.write(content);
    else for await (const chunk of createReadStream(content.file)) await this.write(chunk as Buffer);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (padding > 0) await this.write(Buffer.alloc(padding));
  }

  /** The two empty blocks that end an archive. */
  async end(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK));
  }

  private async write(bytes: Buffer): Promise<void> {
    if (!this.out.write(bytes)) await once(this.out, "drain");
  }
}

function header(path: string, size: number, modified: Date, type: "0" | "5"): Buffer {
  const { prefix, name } = splitPath(path);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  block.write(octal(type === "5" ? 0o755 : 0o644, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(Math.floor(modified.getTime() / 1000), 12), 136);
  block.write("        ", 148); // the checksum counts its own field as spaces
  block.write(type, 156);
  block.write("ustar\u000000", 257, "binary");
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148, "binary");
  return block;
}

/** ustar keeps a path as a prefix (up to 155 bytes) and a name (up to 100), split at a slash. */
function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: "", name: path };
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
    const prefix = path.slice(0, slash);
    const name = path.slice(slash + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new RangeError(`A path too long for a ustar archive: ${path}`);
}

const octal = (value: number, width: number): string => `${value.toString(8).padStart(width - 1, "0")}\u0000`;
