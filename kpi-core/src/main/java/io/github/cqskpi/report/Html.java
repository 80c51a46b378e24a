package io.github.cqskpi.report;

import io.github.cqskpi.Message;

/**
 * An HTML document written as it goes, every text escaped on the way in.
 *
 * <p>The report is written as well-formed XML as well as HTML (every element closed, void
 * elements self-closed, attributes quoted, no named entities), so that any XML parser can check
 * it and no browser has to guess.
 */
final class Html {

    private final StringBuilder b = new StringBuilder(1 << 17);
    private final java.io.Writer out;

    /** A document kept whole, for a fragment. */
    Html() {
        this.out = null;
    }

    /** A document written to {@code out} as it grows ({@link #flushIfLarge}, {@link #flush}). */
    Html(java.io.Writer out) {
        this.out = out;
    }

    /** Writes what has been appended, when it is more than a little. */
    void flushIfLarge() throws java.io.IOException {
        if (b.length() >= 1 << 16) {
            flush();
        }
    }

    /** Writes what has been appended. */
    void flush() throws java.io.IOException {
        out.append(b);
        b.setLength(0);
    }

    /**
     * Escapes text for an element or a quoted attribute. Control characters that neither HTML
     * nor XML allows become U+FFFD.
     *
     * @param s the text
     * @return the escaped text
     */
    static String esc(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F
                        || c == 0xFFFE || c == 0xFFFF ? "\uFFFD" : null;
            };
            if (rep == null && Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (paired) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                rep = "\uFFFD";
            }
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** Appends markup as it is: only for the report's own constant markup. */
    Html raw(String markup) {
        b.append(markup);
        return this;
    }

    /** Appends text, escaped. */
    Html text(String s) {
        b.append(esc(s));
        return this;
    }

    /** Appends an integer. */
    Html num(long n) {
        b.append(n);
        return this;
    }

    /**
     * Appends both languages, each in its own span; the page shows one at a time. Text that
     * reads the same in both is written once.
     */
    Html both(Message m) {
        if (m.vi().equals(m.en())) {
            return text(m.vi());
        }
        return raw("<span class=\"vi\" lang=\"vi\">").text(m.vi()).raw("</span><span class=\"en\" lang=\"en\">")
                .text(m.en()).raw("</span>");
    }

    /** Appends both languages. */
    Html both(String vi, String en) {
        return both(new Message(vi, en));
    }

    /** Appends both languages as SVG text pieces, shown one at a time like the spans. */
    Html svgBoth(Message m) {
        if (m.vi().equals(m.en())) {
            return text(m.vi());
        }
        return raw("<tspan class=\"vi\">").text(m.vi()).raw("</tspan><tspan class=\"en\">").text(m.en())
                .raw("</tspan>");
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
