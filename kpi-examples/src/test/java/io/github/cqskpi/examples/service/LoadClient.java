package io.github.cqskpi.examples.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load test of the service, not part of the test suite: starts {@code kpi-cli.jar serve} as a
 * second process with {@code -Xmx256m}, bound to 127.0.0.1 only, sends it mixed traffic from N
 * threads for a fixed time (evaluations of one record and of 500 records, the catalogue,
 * {@code /health}) while S slow clients trickle headers or bodies a byte at a time, and prints
 * requests per second, latency percentiles, error responses of the well-behaved clients, how
 * many slow connections the service cut, and the service's heap after a full GC (by
 * {@code jcmd}) before and after the run. Exits 1 on any error response to a well-behaved
 * client or when the heap after GC grew by more than 50% and 32 MB.
 *
 * <pre>
 * mvn -B -q package -DskipTests -Dmaven.javadoc.skip &amp;&amp; mvn -B -q -o -pl kpi-examples test-compile
 * java -cp kpi-examples/target/test-classes io.github.cqskpi.examples.service.LoadClient \
 *     kpi-examples/target/kpi-cli.jar 60 8 4 [REQUEST.json]
 * </pre>
 */
public final class LoadClient {

    static final String SMALL = "{\"asOf\":\"2022-12-31\",\"records\":[{\"unit\":{\"id\":\"xa-quang-son\","
            + "\"level\":\"COMMUNE\"},\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},\"metrics\":"
            + "{\"dossiers.level4.total\":120,\"dossiers.level4.online\":50}}]}";

    static final byte[] MEDIUM = medium(500);

    static byte[] medium(int records) {
        StringBuilder b = new StringBuilder("{\"asOf\":\"2022-12-31\",\"records\":[");
        for (int i = 0; i < records; i++) {
            b.append(i == 0 ? "" : ",").append("{\"unit\":{\"id\":\"xa-").append(i).append("\",\"level\":\"COMMUNE\"},")
                    .append("\"period\":{\"from\":\"2022-01-01\",\"to\":\"2022-12-31\"},\"metrics\":")
                    .append("{\"dossiers.level4.total\":120,\"dossiers.level4.online\":").append(i % 121).append("}}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "kpi-examples/target/kpi-cli.jar");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int slow = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        byte[] body = args.length > 4 ? Files.readAllBytes(Path.of(args[4])) : SMALL.getBytes(StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process service = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "serve", "--bind", "127.0.0.1",
                "--port", "0").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = port(service);
            URI uri = URI.create("http://127.0.0.1:" + port + "/v1/evaluate");
            HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(threads)).build();
            System.out.printf("service pid %d on 127.0.0.1:%d; %d threads, %d slow clients, %d s, request of %d bytes%n",
                    service.pid(), port, threads, slow, seconds, body.length);
            run(client, uri, body, threads, 5); // warm up
            long before = heapAfterGc(service.pid());
            AtomicBoolean stopSlow = new AtomicBoolean();
            java.util.concurrent.atomic.AtomicLong cut = new java.util.concurrent.atomic.AtomicLong();
            List<Thread> slowClients = new ArrayList<>();
            for (int i = 0; i < slow; i++) {
                boolean headers = i % 2 == 0;
                Thread t = new Thread(() -> trickle(port, headers, stopSlow, cut));
                t.setDaemon(true);
                t.start();
                slowClients.add(t);
            }
            long[] latencies = run(client, uri, body, threads, seconds);
            stopSlow.set(true);
            long after = heapAfterGc(service.pid());
            System.out.printf("slow connections cut by the service: %d%n", cut.get());
            int errors = (int) latencies[latencies.length - 1];
            long[] ok = Arrays.copyOf(latencies, latencies.length - 1);
            Arrays.sort(ok);
            System.out.printf("requests %d in %d s: %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                    + " error responses %d%n", ok.length, seconds, ok.length / (double) seconds, pct(ok, 50), pct(ok, 99),
                    ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6, errors);
            System.out.printf("service heap after full GC: %d KB before the run, %d KB after%n", before, after);
            boolean grew = after > before * 3 / 2 && after - before > 32 * 1024;
            if (errors > 0 || grew) {
                System.out.println("FAILED: " + (errors > 0 ? "error responses " : "") + (grew ? "heap grew" : ""));
                System.exit(1);
            }
        } finally {
            service.destroy();
        }
        System.exit(0);
    }

    /** One slow client: trickles a request a byte every 300 ms until the service cuts it, then again. */
    static void trickle(int port, boolean headers, AtomicBoolean stop, java.util.concurrent.atomic.AtomicLong cut) {
        byte[] start = (headers ? "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: "
                : "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.UTF_8);
        while (!stop.get()) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getOutputStream().write(start);
                while (!stop.get()) {
                    Thread.sleep(300);
                    s.getOutputStream().write('a');
                    s.getOutputStream().flush();
                    if (s.getInputStream().available() > 0) {
                        break; // answered (408): cut
                    }
                }
                cut.incrementAndGet();
            } catch (IOException e) {
                cut.incrementAndGet(); // closed by the service
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    /** Latencies in ns of the 200 responses, and last the count of the others. */
    static long[] run(HttpClient client, URI uri, byte[] body, int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                long errors = 0;
                URI base = uri.resolve("/");
                List<HttpRequest> mix = List.of(
                        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(MEDIUM)).build(),
                        HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpRequest.newBuilder(base.resolve("/v1/targets")).build(),
                        HttpRequest.newBuilder(base.resolve("/v1/rule-sets")).build());
                int k = 0;
                while (!stop.get()) {
                    HttpRequest request = mix.get(k++ % mix.size());
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r;
                    try {
                        r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    } catch (IOException e) {
                        errors++;
                        continue;
                    }
                    long dt = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        errors++;
                        continue;
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = dt;
                }
                long[] out = Arrays.copyOf(lat, n + 1);
                out[n] = errors;
                return out;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long[] all = new long[0];
        long errors = 0;
        for (Future<long[]> f : parts) {
            long[] p = f.get();
            errors += p[p.length - 1];
            int at = all.length;
            all = Arrays.copyOf(all, at + p.length - 1);
            System.arraycopy(p, 0, all, at, p.length - 1);
        }
        pool.shutdown();
        all = Arrays.copyOf(all, all.length + 1);
        all[all.length - 1] = errors;
        return all;
    }

    static int port(Process service) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(service.getErrorStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/");
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // the service's log, not needed here
                        }
                    } catch (IOException e) {
                        // the service ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the service did not start");
    }

    /** The service's heap in use after a full GC, in KB, by jcmd. */
    static long heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        Matcher m = Pattern.compile("used (\\d+)K").matcher(out);
        if (!m.find()) {
            throw new IOException("cannot read jcmd GC.heap_info: " + out);
        }
        return Long.parseLong(m.group(1));
    }
}
