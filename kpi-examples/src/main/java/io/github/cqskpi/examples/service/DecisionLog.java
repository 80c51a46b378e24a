package io.github.cqskpi.examples.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * One JSON line per evaluated request, so that an auditor can tie a published verdict to the
 * rules that made it: the time, the rule set's id, version and fingerprint, the request's
 * SHA-256 and the counts by status. Appends are serialised; a line is written whole or not at
 * all.
 */
final class DecisionLog implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;
    private final Clock clock;

    private DecisionLog(OutputStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    static DecisionLog appendingTo(Path file, Clock clock) throws IOException {
        return new DecisionLog(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE), clock);
    }

    void record(byte[] request, EvaluationResponse response) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", clock.instant().toString());
            g.writeStringField("ruleSet", response.ruleSet().id() + "@" + response.ruleSet().version());
            g.writeStringField("ruleSetSha256", response.ruleSet().sha256());
            g.writeStringField("requestSha256", sha256(request));
            g.writeStringField("asOf", response.asOf().toString());
            g.writeNumberField("records", response.summary().records());
            g.writeNumberField("evaluated", response.summary().evaluated());
            g.writeNumberField("rejected", response.summary().rejected());
            g.writeObjectFieldStart("byStatus");
            for (Map.Entry<Status, Long> e : response.summary().byStatus().entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        line.write('\n');
        synchronized (this) {
            line.writeTo(out);
            out.flush();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
