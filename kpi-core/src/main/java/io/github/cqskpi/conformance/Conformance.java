package io.github.cqskpi.conformance;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.internal.engine.ConformanceCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs conformance vectors against an engine.
 *
 * <p>A vector is a pair of files in one directory: {@code NAME.request.json}, a request
 * exactly as a caller sends it (bytes and all, so that malformed input can be a vector too),
 * and {@code NAME.expected.json}, the outcome every implementation must give for it. Statuses
 * are written {@code STATUS} or {@code STATUS/REASON_CODE}:
 * <pre>{@code
 * {
 *   "description": "DOSSIER_ONLINE_L4, commune: exactly 40% is not 'more than 40%'",
 *   "records": [
 *     { "record": 0, "results": { "DOSSIER_ONLINE_L4": "NOT_MET" }, "otherResults": "INSUFFICIENT_DATA/MISSING_KEYS" },
 *     { "record": 1, "errors": [ { "path": "/records/1/metrics/dossiers.level4.online", "code": "PART_EXCEEDS_WHOLE" } ] }
 *   ],
 *   "byStatus": { "MET": 0, "NOT_MET": 1, "PENDING": 0, "NOT_APPLICABLE": 0, "INSUFFICIENT_DATA": 17 }
 * }
 * }</pre>
 * Every record of the request is listed once. An evaluated record lists its results by target;
 * every other result it gets must have the status {@code otherResults} (without it, no other
 * result is allowed). A rejected record lists its errors by path and code, in any order.
 * {@code byStatus}, when given, must equal the response's counts.
 *
 * <p>A record may also state, in {@code gaps}, what its listed targets would take: each
 * {@code {"key": K, "change": N}} or {@code null} for none, compared exactly. {@code levels},
 * when given, lists roll-ups that {@code summary.levels} must hold with that status and gap:
 * <pre>{@code
 *   "records": [ { "record": 0, "results": { "DOSSIER_ONLINE_L4": "NOT_MET" },
 *                  "gaps": { "DOSSIER_ONLINE_L4": { "key": "dossiers.level4.online", "change": 4 } } } ],
 *   "levels": [ { "level": "COMMUNE", "period": { "from": "2022-01-01", "to": "2022-12-31" },
 *                 "target": "DOSSIER_ONLINE_L4", "status": "NOT_MET",
 *                 "gap": { "key": "dossiers.level4.online", "change": 4 } } ]
 * }</pre>
 * A request that must be
 * refused as a whole (exit 2) expects {@code { "description": "...", "unreadable": true }}.
 */
public final class Conformance {

    /** The file name ending of a vector's request. */
    public static final String REQUEST = ".request.json";
    /** The file name ending of a vector's expectation. */
    public static final String EXPECTED = ".expected.json";

    private final KpiEngine engine;
    private final RequestOverrides overrides;

    private Conformance(KpiEngine engine, RequestOverrides overrides) {
        this.engine = engine;
        this.overrides = overrides;
    }

    /**
     * A runner that evaluates each vector's request as it stands.
     *
     * @param engine the engine under test
     * @return the runner
     */
    public static Conformance of(KpiEngine engine) {
        return new Conformance(Objects.requireNonNull(engine, "engine"), RequestOverrides.none());
    }

    /**
     * This runner with overrides applied to every request, such as another version of the same
     * rule set whose verdicts must not differ.
     *
     * @param newOverrides the overrides
     * @return a new runner
     */
    public Conformance withOverrides(RequestOverrides newOverrides) {
        return new Conformance(engine, Objects.requireNonNull(newOverrides, "overrides"));
    }

    /**
     * Runs one vector.
     *
     * @param name the vector's name, for reports
     * @param request the request's bytes
     * @param expected the expectation's bytes
     * @return the outcome
     */
    public CaseResult run(String name, byte[] request, byte[] expected) {
        return ConformanceCheck.run(engine, overrides, name, request, expected);
    }

    /**
     * Runs every vector of a directory, in name order. A request without its expectation (or
     * the other way round) is a failed vector, not a skipped one.
     *
     * @param dir the directory
     * @return the outcomes
     * @throws UncheckedIOException when the directory cannot be read
     */
    public List<CaseResult> runAll(Path dir) {
        List<CaseResult> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(REQUEST) || n.endsWith(EXPECTED))
                    .forEach(n -> names.add(n.substring(0, n.length() - (n.endsWith(REQUEST) ? REQUEST : EXPECTED).length())));
            for (String name : names) {
                Path request = dir.resolve(name + REQUEST);
                Path expected = dir.resolve(name + EXPECTED);
                if (!Files.exists(request) || !Files.exists(expected)) {
                    out.add(new CaseResult(name, "", List.of("the vector lacks " + (Files.exists(request)
                            ? expected.getFileName() : request.getFileName())), List.of()));
                    continue;
                }
                out.add(run(name, Files.readAllBytes(request), Files.readAllBytes(expected)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conformance vectors in " + dir, e);
        }
        return out;
    }
}
