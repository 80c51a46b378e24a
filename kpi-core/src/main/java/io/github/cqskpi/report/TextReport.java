package io.github.cqskpi.report;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RejectedRecord;
import io.github.cqskpi.ResultListener;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.Status;
import io.github.cqskpi.Summary;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A response for people at a terminal: one line a record with one mark a target, the totals
 * per target, and the errors. Written as the results come; the errors wait in a {@link Later}.
 * Text from the request (unit ids, paths, messages quoting values) is
 * {@linkplain TerminalText#escape escaped}: no control or bidirectional-override character reaches
 * the terminal.
 */
final class TextReport implements ResultListener {

    private static final String NL = System.lineSeparator();

    private final KpiEngine engine;
    private final Writer out;
    private final List<String> targets = new ArrayList<>();
    private long[][] perTarget;
    private final Later rejected = new Later();
    private boolean anyRejected;

    TextReport(KpiEngine engine, Writer out) {
        this.engine = engine;
        this.out = out;
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

    @Override
    public void start(RuleSetRef ref, LocalDate asOf) throws IOException {
        RuleSetInfo rs = Reports.ruleSet(engine, ref);
        for (TargetInfo t : rs.targets()) {
            if (!t.informational()) {
                targets.add(t.id());
            }
        }
        perTarget = new long[targets.size()][Status.values().length];
        line(ref.id() + "@" + ref.version() + "  as of " + asOf + "  sha256 " + ref.sha256());
        line("marks: + met, x not met, p pending, . not applicable, ? insufficient data, blank: not addressed");
        line("");
        for (int i = 0; i < targets.size(); i++) {
            line(String.format("  %2d %s", i + 1, targets.get(i)));
        }
        line("");
        StringBuilder header = new StringBuilder(String.format("%-6s %-34s %-23s ", "record", "unit", "period"));
        for (int i = 0; i < targets.size(); i++) {
            header.append((i + 1) % 10);
        }
        line(header.toString());
    }

    @Override
    public void evaluated(int record, List<TargetResult> results) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        char[] row = new char[targets.size()];
        Arrays.fill(row, ' ');
        for (TargetResult t : results) {
            int i = targets.indexOf(t.target());
            row[i] = mark(t.status());
            perTarget[i][t.status().ordinal()]++;
        }
        TargetResult t = results.get(0);
        String id = TerminalText.escape(t.unitId());
        String unit = id.length() > 34 ? id.substring(0, 33) + "…" : id;
        line(String.format("%-6d %-34s %-23s %s", record, unit, t.period().from() + ".." + t.period().to(),
                new String(row)));
    }

    @Override
    public void rejected(RejectedRecord r) throws IOException {
        anyRejected = true;
        for (RecordError e : r.errors()) {
            String unit = e.unitId().map(u -> " (" + TerminalText.escape(u) + ")").orElse("");
            rejected.append("  record " + e.record() + unit + " " + TerminalText.escape(e.path()) + " " + e.code()
                    + ": " + TerminalText.escape(e.message()) + NL);
        }
    }

    @Override
    public void end(Summary s) throws IOException {
        try {
            line("");
            line(String.format("%-30s %6s %7s %7s %6s %6s", "target", "met", "not met", "pending", "n/a", "no data"));
            for (int i = 0; i < targets.size(); i++) {
                long[] c = perTarget[i];
                line(String.format(Locale.ROOT, "%-30s %6d %7d %7d %6d %6d", targets.get(i),
                        c[Status.MET.ordinal()], c[Status.NOT_MET.ordinal()], c[Status.PENDING.ordinal()],
                        c[Status.NOT_APPLICABLE.ordinal()], c[Status.INSUFFICIENT_DATA.ordinal()]));
            }
            if (anyRejected) {
                line("");
                line("rejected records:");
                rejected.copyTo(out);
            }
            line("");
            line(s.records() + " records: " + s.evaluated() + " evaluated, " + s.rejected() + " rejected; results "
                    + s.byStatus());
            out.flush();
        } finally {
            rejected.close();
        }
    }

    private void line(String s) throws IOException {
        out.write(s);
        out.write(NL);
    }
}
