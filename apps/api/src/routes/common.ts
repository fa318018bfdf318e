import { z } from "zod";
import { anId } from "#domain";

/** A path whose only parameter is `:id`, for the reads that name one resource. */
export const idParam = z.strictObject({ id: anId() });
