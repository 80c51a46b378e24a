package io.github.cqskpi.examples.cli;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response for people at a terminal: one line a record with one mark a target, the totals
 * per target, and the errors. Text from the request (unit ids, paths, messages quoting values) is
 * {@linkplain TerminalText#escape escaped}: no control or bidirectional-override character reaches
 * the terminal.
 */
final class TextReport {

    private TextReport() {
    }

    static char mark(Status s) {
        return switch (s) {
            case MET -> '+';
            case NOT_MET -> 'x';
            case PENDING -> 'p';
            case NOT_APPLICABLE -> '.';
            case INSUFFICIENT_DATA -> '?';
        };
    }

    static void print(EvaluationResponse r, KpiEngine engine, PrintStream out) {
        RuleSetInfo rs = engine.ruleSet(r.ruleSet().id(), r.ruleSet().version()).orElseThrow();
        List<String> targets = new ArrayList<>();
        for (TargetInfo t : rs.targets()) {
            if (!t.informational()) {
                targets.add(t.id());
            }
        }
        out.println(r.ruleSet().id() + "@" + r.ruleSet().version() + "  as of " + r.asOf() + "  sha256 "
                + r.ruleSet().sha256());
        out.println("marks: + met, x not met, p pending, . not applicable, ? insufficient data, blank: not addressed");
        out.println();
        for (int i = 0; i < targets.size(); i++) {
            out.printf("  %2d %s%n", i + 1, targets.get(i));
        }
        out.println();
        StringBuilder header = new StringBuilder(String.format("%-6s %-34s %-23s ", "record", "unit", "period"));
        for (int i = 0; i < targets.size(); i++) {
            header.append((i + 1) % 10);
        }
        out.println(header);

        Map<Integer, char[]> rows = new LinkedHashMap<>();
        Map<Integer, TargetResult> first = new LinkedHashMap<>();
        Map<String, EnumMap<Status, Integer>> perTarget = new LinkedHashMap<>();
        for (TargetResult t : r.results()) {
            char[] row = rows.computeIfAbsent(t.record(), k -> " ".repeat(targets.size()).toCharArray());
            first.putIfAbsent(t.record(), t);
            row[targets.indexOf(t.target())] = mark(t.status());
            perTarget.computeIfAbsent(t.target(), k -> new EnumMap<>(Status.class)).merge(t.status(), 1, Integer::sum);
        }
        for (Map.Entry<Integer, char[]> e : rows.entrySet()) {
            TargetResult t = first.get(e.getKey());
            String id = TerminalText.escape(t.unitId());
            String unit = id.length() > 34 ? id.substring(0, 33) + "…" : id;
            out.printf("%-6d %-34s %-23s %s%n", e.getKey(), unit, t.period().from() + ".." + t.period().to(),
                    new String(e.getValue()));
        }
        out.println();
        out.printf("%-30s %6s %7s %7s %6s %6s%n", "target", "met", "not met", "pending", "n/a", "no data");
        for (String id : targets) {
            EnumMap<Status, Integer> c = perTarget.getOrDefault(id, new EnumMap<>(Status.class));
            out.printf("%-30s %6d %7d %7d %6d %6d%n", id, c.getOrDefault(Status.MET, 0),
                    c.getOrDefault(Status.NOT_MET, 0), c.getOrDefault(Status.PENDING, 0),
                    c.getOrDefault(Status.NOT_APPLICABLE, 0), c.getOrDefault(Status.INSUFFICIENT_DATA, 0));
        }
        if (!r.errors().isEmpty()) {
            out.println();
            out.println("rejected records:");
            for (RecordError e : r.errors()) {
                String unit = e.unitId().map(u -> " (" + TerminalText.escape(u) + ")").orElse("");
                out.println("  record " + e.record() + unit + " " + TerminalText.escape(e.path()) + " " + e.code()
                        + ": " + TerminalText.escape(e.message()));
            }
        }
        out.println();
        out.println(r.summary().records() + " records: " + r.summary().evaluated() + " evaluated, "
                + r.summary().rejected() + " rejected; results " + r.summary().byStatus());
    }
}
