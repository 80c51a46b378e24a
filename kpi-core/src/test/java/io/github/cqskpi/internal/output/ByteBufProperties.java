package io.github.cqskpi.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A number in the response is written exactly as {@link Long#toString(long)} writes it. */
class ByteBufProperties {

    private static String written(long v) {
        ByteBuf b = new ByteBuf(1); // small, so that room() must grow it
        b.ascii("x").number(v).ascii("y");
        return new String(b.bytes, 0, b.size, StandardCharsets.US_ASCII);
    }

    @Property(tries = 5000)
    void anyLongIsWrittenAsItsDecimalString(@ForAll long v) {
        assertEquals("x" + v + "y", written(v));
    }

    @Property(tries = 2000)
    void anySmallCountIsWrittenAsItsDecimalString(@ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 100_000) long v) {
        assertEquals("x" + v + "y", written(v));
    }

    @Example
    void everyPowerOfTenAndItsNeighboursAndTheExtremes() {
        long t = 1;
        for (int i = 0; i < 19; i++) {
            for (long v : new long[] {t - 1, t, t + 1, -t}) {
                assertEquals("x" + v + "y", written(v), "for " + v);
            }
            t *= 10;
        }
        for (long v : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, 0, 9, 10, 99, 100}) {
            assertEquals("x" + v + "y", written(v), "for " + v);
        }
    }
}
