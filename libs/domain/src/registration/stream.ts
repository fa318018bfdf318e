import { streamName } from "../shared/stream-name.js";

/**
 * Every registration number of the deployment is assigned in this one stream: appending at
 * the revision read serialises assignments, so two concurrent ones cannot take the same
 * number, and a number exists only once its event is in the log, so none is skipped.
 */
export const REGISTRATION_STREAM = streamName("registration", "numbers");
