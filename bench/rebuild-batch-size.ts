/** The batch the bench's rebuild reads the log in (the rebuild's own default), and the cursor walk set beside it. */
export const REBUILD_BATCH_SIZE = 2_000;
