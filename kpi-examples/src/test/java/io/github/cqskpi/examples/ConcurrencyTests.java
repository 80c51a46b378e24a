package io.github.cqskpi.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One engine shared by 8 threads, each evaluating many small requests: every response is
 * byte-identical to the one a single thread gets, and nothing throws: 8 × 10,000 requests
 * (about 17 s on 2 cores); {@code -Dcqskpi.concurrency.requests=N} changes the count.
 */
class ConcurrencyTests {

    static final int THREADS = 8;
    static final int PER_THREAD = Integer.getInteger("cqskpi.concurrency.requests", 10_000);
    static final String[] LEVELS = {"PROVINCE", "DISTRICT", "COMMUNE"};

    /** Small requests that differ in level, figures, period and errors. */
    static List<byte[]> requests() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int total = 10 + i * 7;
            String metrics = "{\"dossiers.level4.total\":" + total + ",\"dossiers.level4.online\":" + (i * 5 % total)
                    + ",\"documents.total\":" + (100 + i) + ",\"documents.electronic\":" + (90 + i)
                    + (i % 5 == 4 ? ",\"documents.signed\":" + (200 + i) : ",\"documents.signed\":" + (80 + i))
                    + ",\"reports.computers.submittedOn\":" + (i % 3 == 0 ? "null" : "\"2022-0" + (1 + i % 9) + "-1" + i % 10 + "\"")
                    + "}";
            String year = i % 2 == 0 ? "2022" : "2023";
            String rec = "{\"unit\":{\"id\":\"unit-" + i + "\",\"level\":\"" + LEVELS[i % 3] + "\"},\"period\":{\"from\":\""
                    + year + "-01-01\",\"to\":\"" + year + "-12-31\"},\"metrics\":" + metrics + "}";
            out.add(("{\"asOf\":\"2023-12-31\",\"ruleSet\":\"dak-nong-2022\"" + (i % 4 == 0 ? ",\"ruleSetVersion\":\"1.0.0\"" : "")
                    + ",\"records\":[" + rec + "," + rec.replace("unit-" + i, "other-" + i) + "]}").getBytes(UTF_8));
        }
        return out;
    }

    static byte[] run(KpiEngine engine, byte[] request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.writeJson(engine.evaluateJson(new ByteArrayInputStream(request), RequestOverrides.none()), out);
        return out.toByteArray();
    }

    @Test
    void eightThreadsSharingOneEngineGetTheSequentialBytes() throws Exception {
        KpiEngine engine = KpiEngine.builder().build();
        List<byte[]> requests = requests();
        List<byte[]> expected = new ArrayList<>();
        for (byte[] r : requests) {
            expected.add(run(engine, r));
        }
        assertTrue(new String(expected.get(4), UTF_8).contains("PART_EXCEEDS_WHOLE"), "some requests reject a record");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long t0 = System.nanoTime();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                Callable<Integer> work = () -> {
                    int same = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        int k = (i + offset * 3) % requests.size();
                        assertArrayEquals(expected.get(k), run(engine, requests.get(k)), "request " + k);
                        same++;
                    }
                    return same;
                };
                done.add(pool.submit(work));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertEquals(THREADS * PER_THREAD, total);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("concurrency: %d threads x %d requests in %.1f s (%.0f requests/s)%n", THREADS, PER_THREAD,
                seconds, THREADS * PER_THREAD / seconds);
    }
}
