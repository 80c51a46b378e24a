package io.github.cqskpi.examples.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cqskpi.FigureInfo;
import io.github.cqskpi.Level;
import io.github.cqskpi.Message;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

/** Writes the rule sets and their catalogues as JSON, for the service. */
final class CatalogueJson {

    private static final JsonFactory JSON = new JsonFactory();

    private CatalogueJson() {
    }

    static void ruleSets(List<RuleSetInfo> sets, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("ruleSets");
            for (RuleSetInfo rs : sets) {
                g.writeStartObject();
                ref(g, rs);
                message(g, "title", rs.title());
                g.writeObjectFieldStart("source");
                g.writeStringField("issuer", rs.source().issuer());
                g.writeStringField("title", rs.source().title());
                g.writeStringField("number", rs.source().number());
                g.writeStringField("date", rs.source().date().toString());
                g.writeStringField("publishedAt", rs.source().publishedAt());
                strings(g, "notes", rs.source().notes());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void targets(RuleSetInfo rs, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("ruleSet");
            ref(g, rs);
            g.writeEndObject();
            strings(g, "readings", rs.readings());
            g.writeArrayFieldStart("targets");
            for (TargetInfo t : rs.targets()) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("clause", t.clause());
                message(g, "title", t.title());
                g.writeBooleanField("informational", t.informational());
                strings(g, "levels", levels(t.levels()));
                strings(g, "roles", t.roles().stream().sorted().toList());
                g.writeStringField("measure", t.measure());
                g.writeArrayFieldStart("figures");
                for (FigureInfo f : t.figures()) {
                    g.writeStartObject();
                    g.writeStringField("rule", f.rule());
                    strings(g, "levels", levels(f.levels()));
                    g.writeStringField("window", f.window());
                    requirement(g, f.required());
                    g.writeStringField("quote", f.quote());
                    g.writeStringField("reading", f.reading().orElse(null));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Fields written by one kind of figure. */
    private interface Field {
        void writeTo(JsonGenerator g) throws IOException;
    }

    private static void requirement(JsonGenerator g, Requirement q) throws IOException {
        g.writeObjectFieldStart("required");
        g.writeStringField("operator", q.operator().symbol());
        // What a kind adds beside the operator, if anything.
        q.accept(new Requirement.Visitor<Field>() {
            @Override
            public Field percent(Requirement.Percent p) {
                return out -> out.writeStringField("percent", p.percent().toPlainString());
            }

            @Override
            public Field count(Requirement.Count c) {
                return out -> out.writeNumberField("value", c.value());
            }

            @Override
            public Field deadline(Requirement.Deadline d) {
                return out -> out.writeStringField("date", d.date().toString());
            }

            @Override
            public Field done(Requirement.Done d) {
                return out -> { };
            }

            @Override
            public Field rises(Requirement.Rises r) {
                return out -> { };
            }
        }).writeTo(g);
        g.writeEndObject();
    }

    private static List<String> levels(Collection<Level> levels) {
        return levels.stream().sorted().map(Level::name).toList();
    }

    private static void ref(JsonGenerator g, RuleSetInfo rs) throws IOException {
        g.writeStringField("id", rs.ref().id());
        g.writeStringField("version", rs.ref().version());
        g.writeStringField("sha256", rs.ref().sha256());
    }

    private static void message(JsonGenerator g, String field, Message m) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("vi", m.vi());
        g.writeStringField("en", m.en());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static void error(int status, String code, String message, String path, List<String> loaded, OutputStream out)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("status", status);
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            if (path != null) {
                g.writeStringField("path", path);
            }
            if (loaded != null) {
                strings(g, "loaded", loaded);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
