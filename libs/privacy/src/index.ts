export * from "./key-store.js";
export * from "./personal-data.js";
export * from "./personal-data-cipher.js";
export * from "./sqlite-key-store.js";
