package io.github.cqskpi.report;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.ResultListener;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A request evaluated and written in one of the {@link ReportFormat}s, as the results come,
 * from the results alone: {@code text} and {@code csv} in memory that grows with the rule set's
 * targets only, {@code html} with the units' summaries in memory and each record's detail in a
 * temporary file until the page is written.
 *
 * <pre>{@code
 * KpiEngine engine = KpiEngine.builder().build();
 * Reports.write(engine, ReportFormat.CSV, Path.of("request.json"), RequestOverrides.none(), System.out);
 * }</pre>
 */
public final class Reports {

    /**
     * The most records an HTML report holds (rejected ones included). A page of more would be
     * too large for a browser to open; past it, {@link ReportTooLargeException} is thrown before
     * anything is written.
     */
    public static final int HTML_MAX_RECORDS = 50_000;

    private Reports() {
    }

    /**
     * Evaluates a request from a file and writes it in a format, UTF-8.
     *
     * @param engine the engine
     * @param format the format
     * @param request the request's file
     * @param overrides choices that take the place of the request's own
     * @param out where to write; flushed, left open
     * @return the rule set, day and counts of the evaluation
     * @throws io.github.cqskpi.UnreadableRequestException when the request cannot be read (nothing was written)
     * @throws ReportTooLargeException when the report would pass its format's limit (nothing was written)
     * @throws IOException when reading or writing fails
     */
    public static EvaluationSummary write(KpiEngine engine, ReportFormat format, Path request,
            RequestOverrides overrides, OutputStream out) throws IOException {
        if (format == ReportFormat.JSON) {
            return engine.evaluateJson(request, out, overrides);
        }
        Writer w = writer(out);
        EvaluationSummary s = engine.evaluateJson(request, overrides, listener(engine, format, w));
        w.flush();
        return s;
    }

    /**
     * Evaluates a request from a stream and writes it in a format, UTF-8; the engine first copies
     * the stream to a temporary file.
     *
     * @param engine the engine
     * @param format the format
     * @param request the request's bytes; read to the end, left open
     * @param overrides choices that take the place of the request's own
     * @param out where to write; flushed, left open
     * @return the rule set, day and counts of the evaluation
     * @throws io.github.cqskpi.UnreadableRequestException when the request cannot be read (nothing was written)
     * @throws ReportTooLargeException when the report would pass its format's limit (nothing was written)
     * @throws IOException when reading or writing fails
     */
    public static EvaluationSummary write(KpiEngine engine, ReportFormat format, InputStream request,
            RequestOverrides overrides, OutputStream out) throws IOException {
        if (format == ReportFormat.JSON) {
            return engine.evaluateJson(request, out, overrides);
        }
        Writer w = writer(out);
        EvaluationSummary s = engine.evaluateJson(request, overrides, listener(engine, format, w));
        w.flush();
        return s;
    }

    /**
     * Writes a response already held in memory in a format, UTF-8; a rejected record's unit and
     * period are shown by what its errors say (its name and the parts as written are not known here).
     *
     * @param engine the engine that evaluated, for the rule set's titles
     * @param format the format
     * @param response the response
     * @param out where to write; flushed, left open
     * @return the rule set, day and counts of the response
     * @throws ReportTooLargeException when the report would pass its format's limit (nothing was written)
     * @throws IOException when writing fails
     */
    public static EvaluationSummary write(KpiEngine engine, ReportFormat format, EvaluationResponse response,
            OutputStream out) throws IOException {
        if (format == ReportFormat.JSON) {
            engine.writeJson(response, out);
            out.flush();
            return new EvaluationSummary(response.ruleSet(), response.asOf(), response.summary());
        }
        Writer w = writer(out);
        EvaluationSummary s = KpiEngine.replay(response, listener(engine, format, w));
        w.flush();
        return s;
    }

    /**
     * A listener that writes a report as the results come, for
     * {@link KpiEngine#evaluateJson(Path, RequestOverrides, ResultListener)}.
     *
     * @param engine the engine that evaluates, for the rule set's titles
     * @param format {@code text}, {@code csv} or {@code html}
     * @param out where to write; flushed at the end, left open
     * @return the listener
     * @throws IllegalArgumentException for {@link ReportFormat#JSON}, which the engine writes itself
     */
    public static ResultListener listener(KpiEngine engine, ReportFormat format, Writer out) {
        return listener(engine, format, out, HTML_MAX_RECORDS);
    }

    /** A listener as {@link #listener(KpiEngine, ReportFormat, Writer)} gives, with an HTML limit of one's own. */
    static ResultListener listener(KpiEngine engine, ReportFormat format, Writer out, int htmlMaxRecords) {
        return switch (format) {
            case TEXT -> new TextReport(engine, out);
            case CSV -> new CsvReport(out);
            case HTML -> new HtmlReport(engine, out, htmlMaxRecords);
            case JSON -> throw new IllegalArgumentException("the engine writes JSON itself: evaluateJson(request, out,"
                    + " overrides)");
        };
    }

    /** The rule set a response names, as the engine loaded it. */
    static RuleSetInfo ruleSet(KpiEngine engine, RuleSetRef ref) {
        return engine.ruleSet(ref.id(), ref.version()).orElseThrow(() -> new IllegalStateException(
                "rule set " + ref.id() + "@" + ref.version() + " answered but is not loaded"));
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
