/**
 * The first stage: the bytes of a JSON request read ({@code RequestInput}: byte limit, UTF-8 checks,
 * hash; {@code RequestReader}: the top level, records handed on one at a time), and each record
 * decoded into a {@code RecordDraft}, the parts that could be read and the problems found so far.
 * A request read from a file has its records decoded straight from the parser's tokens
 * ({@code TokenRecordDecoder}); one held in memory, which may name its rule set after its records,
 * keeps them as trees ({@code JsonTree}) until the rule set is known, then decodes them
 * ({@code RecordDecoder}). The two decoders give the same drafts, problems and words; a property
 * test holds them to it. A record given through the Java API becomes a draft here too.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.input;
