/**
 * A verdict in words, composed in one place ({@code Wording}) from the message bundles beside this
 * package ({@code Words}), into a {@code Sentence}: a String for the Java API's results
 * ({@code Results}), or the response's JSON bytes as they are written.
 *
 * <p>Not API: anything here may change in any release. Use {@code io.github.cqskpi}.
 */
package io.github.cqskpi.internal.wording;
