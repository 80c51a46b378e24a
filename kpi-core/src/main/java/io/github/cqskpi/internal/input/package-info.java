/**
 * The first stage: the bytes of a JSON request read ({@code RequestInput}: byte limit, UTF-8 checks,
 * hash; {@code RequestReader}: the top level, records handed on one at a time as trees,
 * {@code JsonTree}), and each record decoded into a {@code RecordDraft}, the parts that could be
 * read and the problems found so far ({@code RecordDecoder}). A record given through the Java API
 * becomes a draft here too.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.input;
