import { VersionedCache } from "../runtime/versioned-cache.js";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";
import type { ParsedRequest, ReadRoute } from "./route-definition.js";
import { today } from "./time-parameters.js";

/** How many answers are kept: one per route, resource and time-travel query asked lately. */
const ANSWERS_KEPT = 1_000;

/**
 * Answers of the read routes marked `cacheable`, kept and answered again while nothing they
 * are read from has changed. Such an answer is the same for every principal and is read
 * from: the request's params and query (minPosition aside, which only says when to read);
 * the date, for an `at` left out means today; the read models the route names, at the
 * content their database's change counter says and at the position they have applied (the
 * log below it, where the ETag's revision is read, does not change); and the people's keys,
 * which open the names shown. All of that, read before the answer is, is its version: an
 * answer kept at the version the request would read at is one it would have read itself,
 * and any write, erasure or new day misses.
 */
export class AnswerCache {
  private readonly kept: VersionedCache<Promise<unknown>>;

  constructor(maxEntries = ANSWERS_KEPT) {
    this.kept = new VersionedCache(maxEntries);
  }

  /**
   * The answer `read` gives now, or one it gave at this very version. Reads that name no read
   * model are never kept: the log they read has no position to stand still at.
   */
  answer<Answer>(
    route: ReadRoute,
    request: ParsedRequest,
    runtime: MandatRuntime,
    position: number,
    read: () => Promise<Answer>,
  ): Promise<Answer> {
    if (!route.cacheable || position === Number.MAX_SAFE_INTEGER) return read();
    const { minPosition: _whenToRead, ...query } = request.query;
    const question = `${route.operationId} ${JSON.stringify(request.params)} ${JSON.stringify(query)}`;
    const version = `${today()}/${position}/${runtime.changes.readModels()}/${runtime.changes.keys()}`;
    return this.kept.answer(question, version, read) as Promise<Answer>;
  }
}
