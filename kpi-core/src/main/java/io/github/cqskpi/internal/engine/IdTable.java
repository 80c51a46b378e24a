package io.github.cqskpi.internal.engine;

import java.util.Arrays;

/**
 * Strings (unit ids) numbered 0, 1, 2… in the order first seen, each kept once in an arena of
 * bytes: no object per string. The arena holds each string's length and then its characters,
 * one byte each when every character is below U+0100 (as unit ids are), two bytes each
 * otherwise; so the characters compare exactly as {@link String#compareTo} compares them. An
 * open-addressing table over an {@code int} array finds a string's number.
 *
 * <p>About 10 bytes a string plus its characters (the table is at most two thirds full; a
 * string's hash is computed again from the arena when it grows).
 */
public final class IdTable {

    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;

    /** The arena, in chunks of 1 MiB so that it grows without copying; a string never spans two. */
    private byte[][] chunks = new byte[1][];
    private int chunkCount;
    private int used = CHUNK;
    /** Where each string starts: chunk << 20 | position. */
    private int[] starts = new int[16];
    private int size;
    /** Numbers + 1; 0 is empty. */
    private int[] slots = new int[32];

    /** The number of strings. */
    public int size() {
        return size;
    }

    /** The string's number, a new one if it is new. */
    public int intern(String s) {
        int h = mix(s.hashCode());
        int mask = slots.length - 1;
        for (int i = h & mask;; i = (i + 1) & mask) {
            int n = slots[i] - 1;
            if (n < 0) {
                n = append(s);
                slots[i] = n + 1;
                if (size * 3 > slots.length * 2) {
                    rehash();
                }
                return n;
            }
            if (same(n, s)) {
                return n;
            }
        }
    }

    /** The string's number, or −1. */
    public int find(String s) {
        int h = mix(s.hashCode());
        int mask = slots.length - 1;
        for (int i = h & mask;; i = (i + 1) & mask) {
            int n = slots[i] - 1;
            if (n < 0) {
                return -1;
            }
            if (same(n, s)) {
                return n;
            }
        }
    }

    /** The string numbered n. */
    public String get(int n) {
        byte[] c = chunks[starts[n] >>> CHUNK_BITS];
        int at = starts[n] & (CHUNK - 1);
        int header = readLength(c, at);
        at += lengthBytes(header);
        int length = header >>> 1;
        if ((header & 1) == 0) {
            return new String(c, at, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        for (int k = 0; k < length; k++) {
            chars[k] = (char) (((c[at + 2 * k] & 0xFF) << 8) | (c[at + 2 * k + 1] & 0xFF));
        }
        return new String(chars);
    }

    /** Compares the strings numbered a and b as {@link String#compareTo} would. */
    public int compare(int a, int b) {
        byte[] ca = chunks[starts[a] >>> CHUNK_BITS];
        int pa = starts[a] & (CHUNK - 1);
        int ha = readLength(ca, pa);
        pa += lengthBytes(ha);
        byte[] cb = chunks[starts[b] >>> CHUNK_BITS];
        int pb = starts[b] & (CHUNK - 1);
        int hb = readLength(cb, pb);
        pb += lengthBytes(hb);
        int la = ha >>> 1;
        int lb = hb >>> 1;
        boolean wa = (ha & 1) != 0;
        boolean wb = (hb & 1) != 0;
        int n = Math.min(la, lb);
        for (int k = 0; k < n; k++) {
            char x = charAt(ca, pa, wa, k);
            char y = charAt(cb, pb, wb, k);
            if (x != y) {
                return x - y;
            }
        }
        return la - lb;
    }

    private static char charAt(byte[] c, int at, boolean wide, int k) {
        return wide ? (char) (((c[at + 2 * k] & 0xFF) << 8) | (c[at + 2 * k + 1] & 0xFF)) : (char) (c[at + k] & 0xFF);
    }

    private boolean same(int n, String s) {
        byte[] c = chunks[starts[n] >>> CHUNK_BITS];
        int at = starts[n] & (CHUNK - 1);
        int header = readLength(c, at);
        at += lengthBytes(header);
        int length = header >>> 1;
        if (length != s.length()) {
            return false;
        }
        boolean wide = (header & 1) != 0;
        for (int k = 0; k < length; k++) {
            if (charAt(c, at, wide, k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int append(String s) {
        int length = s.length();
        boolean wide = false;
        for (int k = 0; k < length && !wide; k++) {
            wide = s.charAt(k) > 0xFF;
        }
        int header = length << 1 | (wide ? 1 : 0);
        int need = lengthBytes(header) + (wide ? 2 * length : length);
        if (used + need > CHUNK) {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            // A string longer than a chunk (a hostile id, rejected later) gets a chunk of its own.
            chunks[chunkCount++] = new byte[Math.max(CHUNK, need)];
            used = 0;
        }
        if (size == starts.length) {
            int n = size + (size >> 1);
            starts = Arrays.copyOf(starts, n);
        }
        byte[] c = chunks[chunkCount - 1];
        starts[size] = (chunkCount - 1) << CHUNK_BITS | used;
        int at = used;
        for (int v = header; ; v >>>= 7) {
            if ((v & ~0x7F) == 0) {
                c[at++] = (byte) v;
                break;
            }
            c[at++] = (byte) ((v & 0x7F) | 0x80);
        }
        for (int k = 0; k < length; k++) {
            char ch = s.charAt(k);
            if (wide) {
                c[at++] = (byte) (ch >>> 8);
            }
            c[at++] = (byte) ch;
        }
        used = need > CHUNK ? CHUNK : at;
        return size++;
    }

    private static int readLength(byte[] c, int at) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = c[at++];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    private static int lengthBytes(int header) {
        int n = 1;
        while ((header >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int n = 0; n < size; n++) {
            int i = mix(hash(n)) & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = n + 1;
        }
        slots = bigger;
    }

    /** {@link String#hashCode} of the string numbered n. */
    private int hash(int n) {
        byte[] c = chunks[starts[n] >>> CHUNK_BITS];
        int at = starts[n] & (CHUNK - 1);
        int header = readLength(c, at);
        at += lengthBytes(header);
        boolean wide = (header & 1) != 0;
        int h = 0;
        for (int k = 0, length = header >>> 1; k < length; k++) {
            h = 31 * h + charAt(c, at, wide, k);
        }
        return h;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
