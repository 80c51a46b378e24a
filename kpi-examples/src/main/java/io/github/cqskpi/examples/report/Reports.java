package io.github.cqskpi.examples.report;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RuleSetInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reports for people, made from a response and the request it answers: {@code csv} for a
 * spreadsheet, {@code html} for one self-contained web page.
 *
 * <p>Both need the request: the response names each unit by its id only, and the reports show
 * the unit's name and level as the request gave them.
 */
public final class Reports {

    /** The formats this class writes. */
    public static final List<String> FORMATS = List.of("csv", "html");

    private Reports() {
    }

    /**
     * Writes a report, UTF-8.
     *
     * @param format {@code csv} or {@code html}
     * @param response the response
     * @param engine the engine that gave it, for the rule set's titles
     * @param request the request's bytes, for the units' names and levels
     * @param out where to write; flushed, left open
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the format is not one of {@link #FORMATS}
     */
    public static void write(String format, EvaluationResponse response, KpiEngine engine, byte[] request,
            OutputStream out) throws IOException {
        RequestUnits units = RequestUnits.read(request);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        switch (format) {
            case "csv" -> CsvReport.write(response, units, w);
            case "html" -> {
                RuleSetInfo rs = engine.ruleSet(response.ruleSet().id(), response.ruleSet().version())
                        .orElseThrow(() -> new IllegalStateException("rule set " + response.ruleSet().id() + "@"
                                + response.ruleSet().version() + " answered but is not loaded"));
                HtmlReport.write(response, rs, units, w);
            }
            default -> throw new IllegalArgumentException("no report format \"" + format + "\"");
        }
        w.flush();
    }
}
