package io.github.cqskpi.examples.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cqskpi.DecisionRecord;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.EvaluationSummary;
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
import java.util.Optional;

/**
 * One JSON line per evaluated request whose response was delivered whole, so that an auditor can tie a published verdict to the
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
        write(new DecisionRecord(clock.instant(), response.ruleSet(), Optional.of(sha256(request)), response.asOf(),
                response.summary()));
    }

    /**
     * The line for a response delivered whole: written after its last byte was sent, so the log
     * never holds a decision nobody received.
     *
     * @param requestSha256 the SHA-256 of the request's bytes, in hex
     * @param summary what the evaluation decided
     * @throws IOException when the line cannot be written
     */
    void delivered(String requestSha256, EvaluationSummary summary) throws IOException {
        write(new DecisionRecord(clock.instant(), summary.ruleSet(), Optional.of(requestSha256), summary.asOf(),
                summary.summary()));
    }

    private void write(DecisionRecord d) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", d.time().toString());
            g.writeStringField("ruleSet", d.ruleSet().id() + "@" + d.ruleSet().version());
            g.writeStringField("ruleSetSha256", d.ruleSet().sha256());
            if (d.requestSha256().isPresent()) {
                g.writeStringField("requestSha256", d.requestSha256().get());
            }
            g.writeStringField("asOf", d.asOf().toString());
            g.writeNumberField("records", d.summary().records());
            g.writeNumberField("evaluated", d.summary().evaluated());
            g.writeNumberField("rejected", d.summary().rejected());
            g.writeObjectFieldStart("byStatus");
            for (Map.Entry<Status, Long> e : d.summary().byStatus().entrySet()) {
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

    /** Flushes and closes the file; a line written after this fails. */
    @Override
    public synchronized void close() throws IOException {
        out.flush();
        out.close();
    }
}
