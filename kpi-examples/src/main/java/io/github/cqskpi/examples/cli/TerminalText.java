package io.github.cqskpi.examples.cli;

/**
 * Text from a request made safe to print on a terminal: a unit's id with an escape sequence in
 * it must not move the cursor, clear the screen, set the window title or reorder what follows.
 *
 * <p>Every control character (C0, DEL, C1), every format character (among them the
 * bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069, and the zero-width ones),
 * the line and paragraph separators and any unpaired surrogate is written as {@code \}{@code
 * uXXXX}; a backslash is doubled so that an escape cannot be faked. Everything else, Vietnamese
 * letters included, is unchanged.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * The text with what a terminal would act on written out.
     *
     * @param text any text
     * @return the text, safe to print
     */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && !special(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '\\') {
                b.append("\\\\");
            } else if (special(cp)) {
                for (int k = i; k < i + n; k++) {
                    b.append(String.format("\\u%04X", (int) text.charAt(k)));
                }
            } else {
                b.append(text, i, i + n);
            }
            i += n;
        }
        return b.toString();
    }

    private static boolean special(int cp) {
        if (cp >= ' ' && cp < 0x7F) {
            return cp == '\\';
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
