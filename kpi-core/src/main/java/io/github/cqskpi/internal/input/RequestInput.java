package io.github.cqskpi.internal.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RequestLimitException;
import io.github.cqskpi.UnreadableRequestException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of a JSON request as the engine reads them: counted against {@link Limits#maxBytes()},
 * checked to be UTF-8 (RFC 3629: no byte-order mark, no overlong forms, no surrogates, nothing
 * above U+10FFFF, no sequence cut short), and optionally hashed for the decision log. Each
 * problem stops reading with an {@link UnreadableRequestException} at the byte where it is.
 */
public final class RequestInput extends FilterInputStream {

    private final Limits limits;
    private final MessageDigest digest;
    private long count;
    private int need;
    private int lo = 0x80;
    private int hi = 0xBF;

    private RequestInput(InputStream in, Limits limits, boolean hash) {
        super(in);
        this.limits = limits;
        try {
            this.digest = hash ? MessageDigest.getInstance("SHA-256") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wraps a request's bytes; {@code hash} keeps their SHA-256 for {@link #sha256()}. */
    public static RequestInput of(InputStream in, Limits limits, boolean hash) {
        return new RequestInput(in, limits, hash);
    }

    /** A JSON factory whose parsers hold to the limits' nesting depth and string length. */
    public static JsonFactory factory(Limits limits) {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .build()).build();
    }

    /** The limit a parser's constraint exception names, as the request's problem. */
    public static UnreadableRequestException translate(StreamConstraintsException e, JsonParser p, Limits limits) {
        String path = p == null ? "" : p.getParsingContext().pathAsPointer().toString();
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("NestingDepth")) {
            return new RequestLimitException(path, RequestLimitException.Limit.NESTING_DEPTH,
                    limits.maxNestingDepth(), "the request nests arrays and objects deeper than the limit of "
                            + limits.maxNestingDepth());
        }
        if (m.contains("StringLength") || m.contains("NameLength")) {
            return new RequestLimitException(path, RequestLimitException.Limit.STRING_LENGTH,
                    limits.maxStringLength(), "the request holds a string longer than the limit of "
                            + limits.maxStringLength() + " characters");
        }
        // Jackson's own limits that the engine does not configure (a number's length, ...).
        return new UnreadableRequestException(path, "the request passes a parser limit: " + m, e);
    }

    /** Stops reading when the request holds more records than the limit. */
    public static void countRecord(long recordsSoFar, Limits limits) {
        if (recordsSoFar >= limits.maxRecords()) {
            throw new RequestLimitException("/records/" + recordsSoFar, RequestLimitException.Limit.RECORDS,
                    limits.maxRecords(), "the request holds more records than the limit of " + limits.maxRecords());
        }
    }

    /** The SHA-256 of every byte read, in hex; only when hashing, and once the request is read. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            end();
        } else {
            check(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Every byte must pass the checks: read, never skip.
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        int got = read(buf, 0, buf.length);
        return Math.max(0, got);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void end() {
        if (need > 0) {
            throw new UnreadableRequestException("", "the request is not UTF-8: it ends inside a multi-byte"
                    + " character (byte " + count + ")");
        }
    }

    private void check(byte[] b, int off, int n) {
        if (count + n > limits.maxBytes()) {
            throw new RequestLimitException("", RequestLimitException.Limit.BYTES, limits.maxBytes(),
                    "the request is larger than the limit of " + limits.maxBytes() + " bytes");
        }
        for (int i = 0; i < n; i++) {
            int c = b[off + i] & 0xFF;
            long at = count + i;
            if (at == 0 && c == 0xEF) {
                throw new UnreadableRequestException("", "the request starts with a byte-order mark (EF BB BF);"
                        + " send UTF-8 without one");
            }
            if (at < 4 && c == 0) {
                throw new UnreadableRequestException("", "the request is not UTF-8: byte " + at
                        + " is 00 (UTF-16 or UTF-32?)");
            }
            if (need == 0) {
                if (c < 0x80) {
                    continue;
                } else if (c >= 0xC2 && c <= 0xDF) {
                    need = 1;
                } else if (c == 0xE0) {
                    need = 2;
                    lo = 0xA0;
                } else if (c == 0xED) {
                    need = 2;
                    hi = 0x9F;
                } else if (c >= 0xE1 && c <= 0xEF) {
                    need = 2;
                } else if (c == 0xF0) {
                    need = 3;
                    lo = 0x90;
                } else if (c >= 0xF1 && c <= 0xF3) {
                    need = 3;
                } else if (c == 0xF4) {
                    need = 3;
                    hi = 0x8F;
                } else {
                    throw notUtf8(c, at);
                }
            } else {
                if (c < lo || c > hi) {
                    throw notUtf8(c, at);
                }
                need--;
                lo = 0x80;
                hi = 0xBF;
            }
        }
        count += n;
        if (digest != null) {
            digest.update(b, off, n);
        }
    }

    private static UnreadableRequestException notUtf8(int c, long at) {
        return new UnreadableRequestException("", String.format("the request is not UTF-8: byte %d is %02X,"
                + " which no UTF-8 character has there", at, c));
    }
}
