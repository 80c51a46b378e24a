package io.github.cqskpi.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Gap;
import io.github.cqskpi.LevelRollup;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Period;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Reason;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import io.github.cqskpi.Summary;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnitScore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a response as the contract fixes it: fields in the contract's order, one result or
 * error a line, so that the same response always gives the same bytes.
 */
final class ResponseWriter {

    private static final LinePerItem LINES = new LinePerItem();

    private ResponseWriter() {
    }

    /**
     * Compact JSON, except that each top-level field and each item of a top-level array starts
     * a line: a response reads (and diffs) one result at a time.
     */
    static final class LinePerItem extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(g.getOutputContext().getParent().inRoot() ? ",\n" : ",");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (topLevelArray(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(topLevelArray(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int entries) throws IOException {
            g.writeRaw(topLevelArray(g) && entries > 0 ? "\n]" : "]");
        }

        private static boolean topLevelArray(JsonGenerator g) {
            JsonStreamContext c = g.getOutputContext();
            return c.inArray() && c.getParent().inObject() && c.getParent().getParent().inRoot();
        }
    }

    static void write(JsonFactory factory, EvaluationResponse r, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(LINES);
            g.writeStartObject();
            g.writeObjectFieldStart("ruleSet");
            g.writeStringField("id", r.ruleSet().id());
            g.writeStringField("version", r.ruleSet().version());
            g.writeStringField("sha256", r.ruleSet().sha256());
            g.writeEndObject();
            g.writeStringField("asOf", r.asOf().toString());
            g.writeArrayFieldStart("results");
            for (TargetResult t : r.results()) {
                result(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("errors");
            for (RecordError e : r.errors()) {
                error(g, e);
            }
            g.writeEndArray();
            summary(g, r.summary());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    static void result(JsonGenerator g, TargetResult t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("record", t.record());
        g.writeStringField("unitId", t.unitId());
        period(g, t.period());
        g.writeStringField("target", t.target());
        g.writeStringField("clause", t.clause());
        g.writeStringField("status", t.status().name());
        g.writeFieldName("actual");
        if (t.actual().isPresent()) {
            actual(g, t.actual().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("required");
        if (t.required().isPresent()) {
            required(g, t.required().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("reason");
        if (t.reason().isPresent()) {
            reason(g, t.reason().get());
        } else {
            g.writeNull();
        }
        gap(g, t.gap());
        g.writeObjectFieldStart("message");
        g.writeStringField("vi", t.message().vi());
        g.writeStringField("en", t.message().en());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void period(JsonGenerator g, Period p) throws IOException {
        g.writeObjectFieldStart("period");
        g.writeStringField("from", p.from().toString());
        g.writeStringField("to", p.to().toString());
        g.writeEndObject();
    }

    private static void actual(JsonGenerator g, Measurement m) throws IOException {
        if (m instanceof Measurement.OfRatio r) {
            ratio(g, r.ratio());
            return;
        }
        g.writeStartObject();
        if (m instanceof Measurement.OfCount c) {
            g.writeNumberField("value", c.value());
        } else if (m instanceof Measurement.OfDate d) {
            g.writeFieldName("date");
            if (d.date().isEmpty()) {
                g.writeNull();
            } else {
                g.writeString(d.date().get().toString());
            }
        } else if (m instanceof Measurement.OfFlag f) {
            g.writeBooleanField("done", f.done());
        } else if (m instanceof Measurement.OfTrend t) {
            g.writeFieldName("current");
            ratio(g, t.current());
            g.writeFieldName("previous");
            if (t.previous().isEmpty()) {
                g.writeNull();
            } else {
                ratio(g, t.previous().get());
            }
        }
        g.writeEndObject();
    }

    private static void ratio(JsonGenerator g, Ratio r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("numerator", r.numerator());
        g.writeNumberField("denominator", r.denominator());
        g.writeFieldName("percent");
        if (r.percent().isPresent()) {
            g.writeString(r.percent().get().toPlainString());
        } else {
            g.writeNull();
        }
        g.writeEndObject();
    }

    static void required(JsonGenerator g, Requirement q) throws IOException {
        g.writeStartObject();
        g.writeStringField("operator", q.operator().symbol());
        if (q instanceof Requirement.Percent p) {
            g.writeStringField("percent", Wording.plain(p.percent()));
        } else if (q instanceof Requirement.Count c) {
            g.writeNumberField("value", c.value());
        } else if (q instanceof Requirement.Deadline d) {
            g.writeStringField("date", d.date().toString());
        }
        g.writeEndObject();
    }

    /** {@code "gap": null} or {@code "gap": {"key": K, "change": N}}. */
    private static void gap(JsonGenerator g, Optional<Gap> gap) throws IOException {
        g.writeFieldName("gap");
        if (gap.isPresent()) {
            g.writeStartObject();
            g.writeStringField("key", gap.get().key());
            g.writeNumberField("change", gap.get().change());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
    }

    private static void reason(JsonGenerator g, Reason r) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", r.code().name());
        g.writeStringField("text", r.text());
        if (!r.keys().isEmpty()) {
            g.writeArrayFieldStart("keys");
            for (String k : r.keys()) {
                g.writeString(k);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static void error(JsonGenerator g, RecordError e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("record", e.record());
        g.writeFieldName("unitId");
        if (e.unitId().isPresent()) {
            g.writeString(e.unitId().get());
        } else {
            g.writeNull();
        }
        g.writeStringField("path", e.path());
        g.writeStringField("code", e.code().name());
        g.writeStringField("message", e.message());
        g.writeEndObject();
    }

    static void summary(JsonGenerator g, Summary s) throws IOException {
        g.writeFieldName("summary");
        summaryValue(g, s);
    }

    /** The summary object: counts, then the roll-ups by level and the scores by unit. */
    static void summaryValue(JsonGenerator g, Summary s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("records", s.records());
        g.writeNumberField("evaluated", s.evaluated());
        g.writeNumberField("rejected", s.rejected());
        g.writeObjectFieldStart("byStatus");
        for (Map.Entry<Status, Long> e : s.byStatus().entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("levels");
        for (LevelRollup l : s.levels()) {
            g.writeStartObject();
            g.writeStringField("level", l.level().name());
            period(g, l.period());
            g.writeStringField("target", l.target());
            g.writeNumberField("units", l.units());
            g.writeFieldName("actual");
            ratio(g, l.ratio());
            g.writeFieldName("required");
            required(g, l.required());
            g.writeStringField("status", l.status().name());
            gap(g, l.gap());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("units");
        for (UnitScore u : s.units()) {
            g.writeStartObject();
            g.writeStringField("unitId", u.unitId());
            g.writeStringField("level", u.level().name());
            g.writeNumberField("met", u.met());
            g.writeNumberField("judged", u.judged());
            g.writeFieldName("score");
            if (u.judged() == 0) {
                g.writeNull();
            } else {
                g.writeString(new Ratio(u.met(), u.judged()).percent().orElseThrow().toPlainString());
            }
            g.writeFieldName("rank");
            if (u.rank().isPresent()) {
                g.writeNumber(u.rank().get());
            } else {
                g.writeNull();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
