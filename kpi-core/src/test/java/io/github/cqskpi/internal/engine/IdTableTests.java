package io.github.cqskpi.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed id table against plain strings: numbers, round trips and order. */
class IdTableTests {

    @Test
    void numbersEachIdOnceInTheOrderFirstSeenAndGivesItBackAcrossArenaChunks() {
        IdTable t = new IdTable();
        List<String> ids = new ArrayList<>();
        // 200,000 ids of 12 to 40 characters: several 1 MiB chunks and many rehashes.
        for (int i = 0; i < 200_000; i++) {
            ids.add("unit-" + i + "-" + "x".repeat(i % 29));
        }
        ids.add("Đắk Nông");
        ids.add("xã Đắk Mâm 🌾");
        ids.add("");
        ids.add("đ".repeat(600_000));
        ids.add("after the long one");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, t.intern(ids.get(i)));
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            assertEquals(i, t.intern(new String(ids.get(i))), "a second time");
            assertEquals(i, t.find(ids.get(i)));
            assertEquals(ids.get(i), t.get(i));
        }
        assertEquals(ids.size(), t.size());
        assertEquals(-1, t.find("unit-200000-"));
        assertEquals(-1, t.find("Đắk Nôn"));
    }

    @Test
    void comparesAsStringCompareToDoesIncludingCharactersAboveLatin1AndSurrogates() {
        String[] alphabet = {"a", "b", "z", "Ā", "đ", "\u00ff", "\ud83c\udf3e", "\uffff", "\ue000", ""};
        Random random = new Random(16);
        IdTable t = new IdTable();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(5); k > 0; k--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = b.toString();
            if (t.find(s) < 0) {
                ids.add(s);
                t.intern(s);
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < ids.size(); j += 7) {
                assertEquals(Integer.signum(ids.get(i).compareTo(ids.get(j))), Integer.signum(t.compare(i, j)),
                        ids.get(i) + " against " + ids.get(j));
            }
        }
    }
}
