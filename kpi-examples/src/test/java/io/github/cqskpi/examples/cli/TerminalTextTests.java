package io.github.cqskpi.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text from a request printed on a terminal: nothing in it may act on the terminal. */
class TerminalTextTests {

    @Test
    void escapeSequencesAndControlCharactersAreWrittenOut() {
        assertEquals("\\u001B[2J\\u001B]0;pwned\\u0007x", TerminalText.escape("\u001b[2J\u001b]0;pwned\u0007x"));
        assertEquals("a\\u000Ab\\u000Dc\\u0009d\\u0000", TerminalText.escape("a\nb\rc\td\u0000"));
        assertEquals("\\u007F\\u009B31m\\u0085", TerminalText.escape("\u007f\u009b31m\u0085"), "DEL and C1 (CSI, NEL)");
    }

    @Test
    void bidirectionalOverridesAndInvisibleFormatCharactersAreWrittenOut() {
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
            '\u2069', '\u200B', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u2028', '\u2029'}) {
            String escaped = TerminalText.escape("id" + c + "x");
            assertEquals("id\\u" + String.format("%04X", (int) c) + "x", escaped);
        }
        assertEquals("\\uDB40\\uDC01tag", TerminalText.escape("\uDB40\uDC01tag"), "a format character past the BMP");
    }

    @Test
    void aBackslashIsDoubledSoThatAnEscapeCannotBeFaked() {
        assertEquals("\\\\u001B", TerminalText.escape("\\u001B"));
        assertFalse(TerminalText.escape("\\u001B").equals(TerminalText.escape("\u001b")));
    }

    @Test
    void unpairedSurrogatesAreWrittenOutAndPairsKept() {
        assertEquals("a\\uD800b", TerminalText.escape("a\uD800b"));
        assertEquals("\\uDC00", TerminalText.escape("\uDC00"));
        assertEquals("\uD83D\uDE00", TerminalText.escape("\uD83D\uDE00"), "an emoji is a letter like any other");
    }

    @Test
    void ordinaryTextIsUnchangedAndTheSameInstance() {
        for (String s : List.of("", "xa-quang-son", "Xã Quảng Sơn", "Sở Thông tin và Truyền thông", "a b/c:d", "日本")) {
            assertTrue(s == TerminalText.escape(s), s);
        }
    }

    @Test
    void theResultHoldsNoCharacterATerminalActsOn() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            all.append((char) c);
        }
        String out = TerminalText.escape(all.toString());
        out.chars().forEach(c -> {
            int type = Character.getType(c);
            assertFalse(type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE, "U+" + Integer.toHexString(c));
        });
    }

    @Test
    void theTextFormatAndTheErrorLineCarryNoEscapeSequenceFromTheRequest() {
        String hostile = "\\u001b[2J\\u001b]0;pwned\\u0007\\u202Eevil";
        String record = "{\"unit\":{\"id\":\"" + hostile + "\",\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\","
                + "\"to\":\"2022-12-31\"},\"metrics\":{\"" + hostile + "\":1}}";
        String request = "{\"asOf\":\"2022-12-31\",\"records\":[" + record + "," + record.replace("metrics\":{", "metrics\":{\"x\":1,")
                + "]}";
        MainTests.Run text = MainTests.run(request.getBytes(java.nio.charset.StandardCharsets.UTF_8), "evaluate",
                "--format", "text");
        assertTrue(text.out().contains("\\u001B[2J"), text.out());
        MainTests.Run bad = MainTests.run(("{\"" + hostile + "\":1}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "evaluate");
        assertEquals(Main.UNREADABLE, bad.status());
        assertTrue(bad.err().contains("\\u001B]0;pwned"), bad.err());
        for (String out : List.of(text.out(), text.err(), bad.err())) {
            assertFalse(out.chars().anyMatch(c -> c == 0x1B || c == 0x07 || c == 0x202E), out);
        }
    }
}
