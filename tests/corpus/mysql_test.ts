/**
 * The corpus tests on mysql (see `_corpus_suite.ts`): real public schemas round-tripped through
 * `schema dump`, autogenerate and upgrade, compared by catalog against `known_losses.json`.
 *
 * @module
 */
import { corpusSuite } from "./_corpus_suite.ts";

corpusSuite("mysql");
