package io.github.cqskpi.internal.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.cqskpi.Limits;
import io.github.cqskpi.UnreadableRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top level of a JSON request. Anything wrong here makes the whole request
 * unreadable. Each record goes to a {@link RecordSink} with the parser on its first token (a file
 * is read so, its records decoded by {@link TokenRecordDecoder}), or is kept as a tree for
 * {@link RecordDecoder} ({@link #read(JsonFactory, InputStream, Limits)}, a request held in
 * memory); either reports a record's problems one record at a time.
 */
public final class RequestReader {

    /** The request's top level, its records still unread. */
    public record RawRequest(Optional<LocalDate> asOf, Optional<String> ruleSet, Optional<String> ruleSetVersion,
            List<JsonTree.Node> records) {
    }

    /** The request's top-level fields, as far as read. */
    public record TopLevel(Optional<LocalDate> asOf, Optional<String> ruleSet, Optional<String> ruleSetVersion) {
    }

    /**
     * Takes the records one at a time, the parser on each record's first token; must leave the
     * parser on the record's last token. {@code top} holds the top-level fields read so far.
     */
    public interface RecordSink {
        public void start(TopLevel top) throws IOException;

        public void record(int index, JsonParser p) throws IOException;
    }

    private RequestReader() {
    }

    public static RawRequest read(JsonFactory factory, InputStream in, Limits limits) throws IOException {
        List<JsonTree.Node> records = new ArrayList<>();
        TopLevel top = read(factory, in, new RecordSink() {
            @Override
            public void start(TopLevel top) {
            }

            @Override
            public void record(int index, JsonParser p) throws IOException {
                records.add(JsonTree.read(p));
            }
        }, limits);
        return new RawRequest(top.asOf(), top.ruleSet(), top.ruleSetVersion(), records);
    }

    /**
     * Reads a request, handing its records to a sink as they come, and checks its top level
     * to the end: what makes the request unreadable is thrown only once the whole input is read.
     * Past a record limit, or one of the parser's, reading stops at once.
     */
    public static TopLevel read(JsonFactory factory, InputStream in, RecordSink sink, Limits limits) throws IOException {
        JsonParser parser = null;
        try (JsonParser p = factory.createParser(in)) {
            parser = p;
            return read(p, sink, limits);
        } catch (StreamConstraintsException e) {
            throw RequestInput.translate(e, parser, limits);
        } catch (JsonProcessingException e) {
            throw new UnreadableRequestException("", "the request is not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static TopLevel read(JsonParser p, RecordSink sink, Limits limits) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new UnreadableRequestException("", "the request is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new UnreadableRequestException("", "the request must be a JSON object, not " + first.asString());
        }
        Set<String> seen = new HashSet<>();
        Optional<LocalDate> asOf = Optional.empty();
        Optional<String> ruleSet = Optional.empty();
        Optional<String> version = Optional.empty();
        boolean records = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!seen.add(name)) {
                throw new UnreadableRequestException("/" + JsonTree.pointerSegment(name),
                        "the request gives field \"" + name + "\" twice");
            }
            JsonToken t = p.nextToken();
            switch (name) {
                case "asOf" -> {
                    String s = text(p, t, name);
                    LocalDate day = RecordDecoder.parseDay(s);
                    if (day == null) {
                        throw new UnreadableRequestException("/asOf", "asOf \"" + s
                                + "\" is not a calendar day YYYY-MM-DD");
                    }
                    asOf = Optional.of(day);
                }
                case "ruleSet" -> ruleSet = Optional.of(text(p, t, name));
                case "ruleSetVersion" -> version = Optional.of(text(p, t, name));
                case "records" -> {
                    if (t != JsonToken.START_ARRAY) {
                        throw new UnreadableRequestException("/records", "records must be an array, not "
                                + (t.isStructStart() ? t.asString() : p.getText()));
                    }
                    records = true;
                    sink.start(new TopLevel(asOf, ruleSet, version));
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        RequestInput.countRecord(index, limits);
                        sink.record(index++, p);
                    }
                }
                default -> throw new UnreadableRequestException("/" + JsonTree.pointerSegment(name),
                        "the request has an unknown field \"" + name + "\" (known: asOf, ruleSet, ruleSetVersion,"
                                + " records)");
            }
        }
        if (!records) {
            throw new UnreadableRequestException("/records", "the request has no records array");
        }
        if (p.nextToken() != null) {
            throw new UnreadableRequestException("", "the request has content after its closing brace");
        }
        return new TopLevel(asOf, ruleSet, version);
    }

    private static String text(JsonParser p, JsonToken t, String name) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new UnreadableRequestException("/" + name, name + " must be a string, not "
                    + (t.isStructStart() ? t.asString() : p.getText()));
        }
        return p.getText();
    }
}
