export { type ArchiveContents, DATA, archivalPackage } from "./archival-package.js";
export { type ArchiveRequest, SOFTWARE_VERSION, archiveContents } from "./archive-contents.js";
export { CSIP_PROFILE } from "./mets.js";
export { type PackageFile, sha256 } from "./package-file.js";
export { writePackageFolder, writePackageTar } from "./write-package.js";
