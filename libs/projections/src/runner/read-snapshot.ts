import type Database from "better-sqlite3";

/**
 * Runs a read of several statements in one read transaction, so every statement sees the
 * same commit: a batch another connection commits meanwhile is seen whole or not at all.
 * On a read-only connection this is a deferred transaction that writes nothing; inside
 * another snapshot it joins that one (as a savepoint).
 */
export const inOneSnapshot = <Answer>(db: Database.Database, read: () => Answer): Answer => db.transaction(read)();
