import { createWriteStream } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { dirname, join } from "node:path";
import type { PackageFile } from "./package-file.js";
import { TarWriter } from "./tar-writer.js";

/** The package's files under its root folder (CSIPSTR1), which must not exist yet. */
export async function writePackageFolder(root: string, files: ReadonlyArray<PackageFile>): Promise<void> {
  await mkdir(dirname(root), { recursive: true });
  await mkdir(root);
  for (const file of files) {
    const path = join(root, file.path);
    await mkdir(dirname(path), { recursive: true });
    if (Buffer.isBuffer(file.content)) await writeFile(path, file.content, { flag: "wx" });
    else await copyFile(file.content.file, path);
  }
}

/** The package as one ustar file (CSIPSTR3): its root folder, then every file under it. */
export async function writePackageTar(tarPath: string, rootName: string, files: ReadonlyArray<PackageFile>): Promise<void> {
  const out = createWriteStream(tarPath, { flags: "wx" });
  await once(out, "open");
  const tar = new TarWriter(out);
  const modified = new Date();
  const folders = new Set<string>([rootName]);
  for (const file of files) {
    for (let slash = file.path.indexOf("/"); slash !== -1; slash = file.path.indexOf("/", slash + 1))
      folders.add(`${rootName}/${file.path.slice(0, slash)}`);
  }
  for (const folder of [...folders].sort()) await tar.directory(folder, modified);
  for (const file of files) await tar.file(`${rootName}/${file.path}`, file.size, modified, file.content);
  await tar.end();
  out.end();
  await once(out, "close");
}
