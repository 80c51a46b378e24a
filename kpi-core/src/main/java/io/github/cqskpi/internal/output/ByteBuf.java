package io.github.cqskpi.internal.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer of bytes with the few appends the response needs: bytes, ASCII, digits,
 * days, and text that JSON does not need to escape.
 */
public final class ByteBuf {

    public byte[] bytes;
    public int size;

    public ByteBuf(int capacity) {
        bytes = new byte[capacity];
    }

    public void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    public ByteBuf add(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    public ByteBuf add(byte b) {
        room(1);
        bytes[size++] = b;
        return this;
    }

    /** Text of ASCII characters that JSON does not escape (names, numbers, codes). */
    public ByteBuf ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** 1, 10, 100... 10^18: a number's digits counted by comparison, not by division. */
    private static final long[] TENS = new long[19];
    /** The two digits of 0 to 99, for writing a number two digits a division. */
    private static final byte[] PAIRS = new byte[200];

    static {
        long t = 1;
        for (int i = 0; i < TENS.length; i++) {
            TENS[i] = t;
            t *= 10;
        }
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /**
     * A number in decimal, as {@link Long#toString(long)} writes it. Every result writes several
     * (its counts in the figures and in both messages): counted by comparison and written two
     * digits a division, they cost about half what a division a digit did.
     */
    public ByteBuf number(long v) {
        if (v >= 0 && v < 10) {
            return add((byte) ('0' + v));
        }
        if (v < 0) {
            return ascii(Long.toString(v));
        }
        int digits = 1;
        while (digits < TENS.length && v >= TENS[digits]) {
            digits++;
        }
        room(digits);
        int at = size + digits;
        while (v >= 100) {
            long q = v / 100;
            int r = (int) (v - q * 100) << 1;
            bytes[--at] = PAIRS[r + 1];
            bytes[--at] = PAIRS[r];
            v = q;
        }
        if (v >= 10) {
            int r = (int) v << 1;
            bytes[--at] = PAIRS[r + 1];
            bytes[--at] = PAIRS[r];
        } else {
            bytes[--at] = (byte) ('0' + v);
        }
        size += digits;
        return this;
    }

    /** {@code YYYY-MM-DD}, as {@link java.time.LocalDate#toString()} writes a day of years 0 to 9999. */
    public ByteBuf isoDay(int year, int month, int day) {
        room(10);
        four(year);
        bytes[size++] = '-';
        two(month);
        bytes[size++] = '-';
        two(day);
        return this;
    }

    /** {@code dd/MM/yyyy}, for years 1 to 9999. */
    public ByteBuf viDay(int year, int month, int day) {
        room(10);
        two(day);
        bytes[size++] = '/';
        two(month);
        bytes[size++] = '/';
        four(year);
        return this;
    }

    private void four(int y) {
        bytes[size++] = (byte) ('0' + y / 1000);
        bytes[size++] = (byte) ('0' + y / 100 % 10);
        bytes[size++] = (byte) ('0' + y / 10 % 10);
        bytes[size++] = (byte) ('0' + y % 10);
    }

    private void two(int v) {
        bytes[size++] = (byte) ('0' + v / 10);
        bytes[size++] = (byte) ('0' + v % 10);
    }

    /** Whether JSON writes the text as its UTF-8 bytes, nothing escaped. */
    public static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Text that {@link #plain(String)} accepts, as UTF-8. */
    public ByteBuf plainText(String s) {
        return add(s.getBytes(StandardCharsets.UTF_8));
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    public void clear() {
        size = 0;
    }
}
