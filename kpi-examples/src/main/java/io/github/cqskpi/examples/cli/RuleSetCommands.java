package io.github.cqskpi.examples.cli;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.FigureInfo;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnknownRuleSetException;
import io.github.cqskpi.conformance.CaseResult;
import io.github.cqskpi.conformance.Conformance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The commands about rule sets and their versions: {@code rule-sets}, {@code diff}, {@code verify}. */
final class RuleSetCommands {

    private RuleSetCommands() {
    }

    /** Finds {@code ID} (newest) or {@code ID@VERSION}, or fails naming what is loaded. */
    static RuleSetInfo find(KpiEngine engine, String spec, String option) {
        int at = spec.indexOf('@');
        String id = at < 0 ? spec : spec.substring(0, at);
        Optional<RuleSetInfo> found = at < 0 ? engine.ruleSet(id) : engine.ruleSet(id, spec.substring(at + 1));
        return found.orElseThrow(() -> new UnknownRuleSetException(option, spec,
                engine.ruleSets().stream().map(RuleSetInfo::ref).toList()));
    }

    static int ruleSets(Deque<String> a, PrintStream out) {
        Options.parse(a);
        KpiEngine engine = KpiEngine.builder().build();
        String lastId = null;
        for (RuleSetInfo rs : engine.ruleSets()) {
            if (!rs.ref().id().equals(lastId)) {
                lastId = rs.ref().id();
                out.println(lastId + "  " + rs.title().en());
            }
            Set<String> windows = new LinkedHashSet<>();
            for (TargetInfo t : rs.targets()) {
                t.figures().stream().map(FigureInfo::window).forEach(windows::add);
            }
            long measurable = rs.targets().stream().filter(t -> !t.informational()).count();
            out.println("  " + rs.ref().version() + "  sha256 " + rs.ref().sha256());
            out.println("      source: " + rs.source().issuer() + ", " + rs.source().date() + "; " + measurable
                    + " measurable targets, " + (rs.targets().size() - measurable) + " informational");
            out.println("      windows: " + String.join("; ", windows));
        }
        out.flush();
        return Main.OK;
    }

    static int diff(Deque<String> a, PrintStream out) throws IOException {
        Options o = Options.parse(a, "--from", "--to", "--input");
        String from = o.get("--from").orElseThrow(() -> new Main.UsageException("diff needs --from ID@VERSION"));
        String to = o.get("--to").orElseThrow(() -> new Main.UsageException("diff needs --to ID@VERSION"));
        Path input = Path.of(o.get("--input").orElseThrow(() -> new Main.UsageException("diff needs --input FILE")));
        KpiEngine engine = KpiEngine.builder().build();
        RuleSetInfo fromSet = find(engine, from, "--from");
        RuleSetInfo toSet = find(engine, to, "--to");
        byte[] request = Files.readAllBytes(input);
        EvaluationResponse before = engine.evaluateJson(new ByteArrayInputStream(request),
                RequestOverrides.none().withRuleSet(fromSet.ref().id() + "@" + fromSet.ref().version()));
        EvaluationResponse after = engine.evaluateJson(new ByteArrayInputStream(request),
                RequestOverrides.none().withRuleSet(toSet.ref().id() + "@" + toSet.ref().version()));

        Map<Integer, Map<String, String>> b = verdicts(before);
        Map<Integer, Map<String, String>> c = verdicts(after);
        Set<Integer> records = new java.util.TreeSet<>(b.keySet());
        records.addAll(c.keySet());
        List<String> lines = new ArrayList<>();
        for (int r : records) {
            Map<String, String> x = b.getOrDefault(r, Map.of());
            Map<String, String> y = c.getOrDefault(r, Map.of());
            Set<String> targets = new LinkedHashSet<>(x.keySet());
            targets.addAll(y.keySet());
            for (String t : targets) {
                String v1 = x.getOrDefault(t, "-");
                String v2 = y.getOrDefault(t, "-");
                if (!v1.equals(v2)) {
                    lines.add("record " + r + " " + t + ": " + v1 + " -> " + v2);
                }
            }
        }
        out.println("diff " + fromSet.ref().id() + "@" + fromSet.ref().version() + " -> " + toSet.ref().id() + "@"
                + toSet.ref().version() + " on " + input + " (" + before.summary().records() + " records)");
        lines.forEach(out::println);
        out.println(lines.size() + " verdicts differ");
        out.flush();
        return Main.OK;
    }

    /** Each record's verdicts by target, {@code STATUS[/REASON]}; a rejected record shows its error codes. */
    private static Map<Integer, Map<String, String>> verdicts(EvaluationResponse r) {
        Map<Integer, Map<String, String>> out = new TreeMap<>();
        for (TargetResult t : r.results()) {
            out.computeIfAbsent(t.record(), k -> new TreeMap<>())
                    .put(t.target(), t.status() + t.reason().map(x -> "/" + x.code()).orElse(""));
        }
        Map<Integer, List<RecordError>> errors = r.errors().stream()
                .collect(Collectors.groupingBy(RecordError::record, TreeMap::new, Collectors.toList()));
        errors.forEach((rec, list) -> out.put(rec, Map.of("(record)", "REJECTED "
                + list.stream().map(e -> e.code().name()).distinct().collect(Collectors.joining(",")))));
        return out;
    }

    /** How many results of each target in each status and reason the vectors produce, and errors by code. */
    private static void printCoverage(List<CaseResult> results, PrintStream out) {
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        for (CaseResult r : results) {
            for (String o : r.observed()) {
                int space = o.indexOf(' ');
                table.computeIfAbsent(o.substring(0, space), k -> new TreeMap<>())
                        .merge(o.substring(space + 1), 1, Integer::sum);
            }
        }
        out.println("coverage (results per target and status/reason across the vectors; errors by code):");
        table.forEach((target, counts) -> out.println("  " + target + "  " + counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
    }

    static int verify(Deque<String> a, PrintStream out) {
        if (a.isEmpty()) {
            throw new Main.UsageException("verify needs a directory of conformance vectors");
        }
        Path dir = Path.of(a.pop());
        boolean coverage = a.remove("--coverage");
        Options.parse(a);
        if (!Files.isDirectory(dir)) {
            throw new Main.UsageException("verify: " + dir + " is not a directory");
        }
        List<CaseResult> results = Conformance.of(KpiEngine.builder().build()).runAll(dir);
        int failed = 0;
        for (CaseResult r : results) {
            if (r.passed()) {
                out.println("PASS " + r.name());
            } else {
                failed++;
                out.println("FAIL " + r.name() + (r.description().isEmpty() ? "" : " — " + r.description()));
                r.mismatches().forEach(m -> out.println("     " + m));
            }
        }
        if (coverage) {
            printCoverage(results, out);
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 && !results.isEmpty() ? Main.OK : 1;
    }
}
