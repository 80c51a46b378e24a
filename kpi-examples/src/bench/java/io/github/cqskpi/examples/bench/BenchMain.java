package io.github.cqskpi.examples.bench;

import com.sun.management.ThreadMXBean;
import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.KpiEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Prints the four figures: cold start of the command line, throughput through the Java API
 * against the plain-Java baseline on 1 and 2 threads, end to end through the command line with
 * {@code -Xmx256m}, and memory. Each as min / median / max over several runs.
 *
 * <pre>
 * java -cp ... BenchMain CLI_JAR [--records N] [--runs N] [--quick]
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args the command line jar, then options
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Path cli = Path.of(args[0]);
        int records = 2_000_000;
        int runs = 3;
        int sameProcessRecords = 400_000;
        int manyUnits = 2_000_000;
        boolean quick = false;
        java.util.Set<String> only = java.util.Set.of("cold", "api", "memory", "cli", "e2e", "units");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--e2e-records" -> sameProcessRecords = Integer.parseInt(args[++i]);
                case "--units" -> manyUnits = Integer.parseInt(args[++i]);
                case "--only" -> only = java.util.Set.of(args[++i].split(","));
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("cqs-kpi-bench-");
        try {
            System.out.println("CQS KPI benchmarks, " + Runtime.getRuntime().availableProcessors() + " processors, "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            if (only.contains("cold")) {
                coldStart(cli, dir);
            }
            if (only.contains("api")) {
                throughput(quick);
            }
            if (only.contains("memory")) {
                memory();
            }
            if (only.contains("cli")) {
                endToEnd(cli, dir, records, runs);
            }
            if (only.contains("e2e")) {
                sameProcess(dir, sameProcessRecords, runs);
            }
            if (only.contains("units")) {
                manyUnits(cli, dir, manyUnits);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void coldStart(Path cli, Path dir) throws IOException, InterruptedException {
        Path request = dir.resolve("100.json");
        try (OutputStream out = Files.newOutputStream(request)) {
            BenchRequests.writeRequest(100, out);
        }
        // A plain java -jar runs the command in a second JVM that maps the archive beside the jar
        // (cli/Launch.java); KPI_CLI_RELAUNCH=0 keeps it in the one JVM, as before there was one.
        List<String> jar = List.of(java(), "-jar", cli.toString(), "evaluate", "--input", request.toString());
        Map<String, String> oneJvm = Map.of("KPI_CLI_RELAUNCH", "0");
        // The launcher beside the jar, with its class-data archive (or ahead-of-time cache), on this JVM.
        Path script = cli.toAbsolutePath().getParent().resolve("../bin/kpi-cli").normalize();
        List<String> launcher = List.of(script.toString(), "evaluate", "--input", request.toString());
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "KPI_CLI_JAR",
                cli.toAbsolutePath().toString());
        // The same work as a plain Java program: Jackson and the JDK only, on the same file.
        String plainClasspath = Path.of(PlainJavaEndToEnd.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()) + java.io.File.pathSeparator + Path.of(com.fasterxml.jackson.core.JsonFactory.class
                .getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> plain = List.of(java(), "-cp", plainClasspath, PlainJavaEndToEnd.class.getName(),
                request.toString());
        // Drools alone on the same jar: its model, its KieBase and an empty firing, nothing read or written.
        List<String> floor = List.of(java(), "-cp", Path.of(DroolsFloor.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath()) + java.io.File.pathSeparator + cli, DroolsFloor.class.getName());
        // One of each to warm the file cache, the launcher first (it makes the archive if the build
        // did not), then taking turns.
        run(launcher, null, env);
        run(jar, null);
        run(jar, null, oneJvm);
        run(plain, null);
        run(floor, null);
        List<Double> times = new ArrayList<>();
        List<Double> plainTimes = new ArrayList<>();
        List<Double> launcherTimes = new ArrayList<>();
        List<Double> floorTimes = new ArrayList<>();
        List<Double> oneJvmTimes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            times.add(run(jar, null));
            oneJvmTimes.add(run(jar, null, oneJvm));
            plainTimes.add(run(plain, null));
            launcherTimes.add(run(launcher, null, env));
            floorTimes.add(run(floor, null));
        }
        System.out.println();
        System.out.println("1. Cold start on 100 records, wall seconds, min/median/max, taking turns:");
        System.out.println("   java -jar kpi-cli.jar evaluate:                             " + mmm(times, "%.3f"));
        System.out.println("   the same in one JVM (KPI_CLI_RELAUNCH=0, no archive):       " + mmm(oneJvmTimes, "%.3f"));
        System.out.println("   kpi-examples/bin/kpi-cli evaluate (the launcher):           " + mmm(launcherTimes, "%.3f"));
        System.out.println("   plain Java (Jackson streaming in, UTF-8 out, same file):    " + mmm(plainTimes, "%.3f"));
        System.out.println("   Drools alone (model, KieBase, an empty firing; same jar):   " + mmm(floorTimes, "%.3f"));
        System.out.println(String.format(Locale.ROOT, "   java -jar / plain Java = %.2f times (medians; goal <= 2)",
                median(times) / median(plainTimes)));
        System.out.println(String.format(Locale.ROOT, "   launcher / plain Java = %.2f times (medians; goal <= 1.3)",
                median(launcherTimes) / median(plainTimes)));
        System.out.println(String.format(Locale.ROOT, "   one JVM / plain Java = %.2f times (medians)",
                median(oneJvmTimes) / median(plainTimes)));
        System.out.println(String.format(Locale.ROOT, "   Drools alone / plain Java = %.2f times (medians: what a JVM "
                + "without the archive spends on Drools)", median(floorTimes) / median(plainTimes)));
    }

    /**
     * Memory through the command line: a file of {@code units} records, every one a new unit,
     * evaluated by {@code java -Xmx256m -jar kpi-cli.jar evaluate}; it must complete. Prints the
     * live heap after collection at its highest, from the GC log, and per (unit, period).
     */
    private static void manyUnits(Path cli, Path dir, int units) throws IOException, InterruptedException {
        Path request = dir.resolve("many-units.json");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(request), 1 << 16)) {
            MixedRequests.writeRequest(units, out);
        }
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "6. Many units through the command line, java -Xmx256m -jar "
                + "kpi-cli.jar evaluate, %d records each a new unit (mixed), %.0f MB in (goal: completes):", units,
                Files.size(request) / 1e6));
        Path gc = dir.resolve("gc-many.log");
        List<String> command = List.of(java(), "-Xmx256m", "-Xlog:gc:file=" + gc, "-jar", cli.toString(),
                "evaluate", "--input", request.toString());
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        int status = b.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(request);
        // 0: all evaluated; 3: some records rejected (the mixed data rejects about 3%).
        if (status != 0 && status != 3) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + status);
        }
        double live = maxAfterGc(gc);
        System.out.println(String.format(Locale.ROOT, "   completed (exit %d) in %.1f s, %.0f records/s; heap live after "
                + "GC at its highest %.0f MB of 256, %.0f bytes per (unit, period)", status, seconds, units / seconds,
                live, live * 1e6 / units));
    }

    /**
     * End to end in one process with {@code -Xmx256m}, engine and plain Java taking turns on the
     * same file, for two shapes of data: the province's (13 records a unit) and the hard case
     * (every record a new unit, mixed periods, some rejected).
     */
    private static void sameProcess(Path dir, int records, int runs) throws IOException, InterruptedException {
        System.out.println();
        System.out.println("5. End to end in one process, java -Xmx256m, engine (streamed, as evaluate runs it) against "
                + "a plain-Java evaluator (Jackson streaming in, pre-encoded UTF-8 out, roll-ups included), "
                + records + " records (goal: engine >= 75% of plain Java on both):");
        Path province = dir.resolve("province.json");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(province), 1 << 16)) {
            BenchRequests.writeRequest(records, out);
        }
        Path mixed = dir.resolve("mixed.json");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(mixed), 1 << 16)) {
            MixedRequests.writeRequest(records, out);
        }
        for (Path file : List.of(province, mixed)) {
            String label = file == province ? "province (13 records a unit)" : "mixed (every record a new unit)";
            System.out.println(String.format(Locale.ROOT, "   %s: %.0f MB in", label, Files.size(file) / 1e6));
            ProcessBuilder b = new ProcessBuilder(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    EndToEnd.class.getName(), file.toString(), Integer.toString(runs), label).inheritIO();
            int status = b.start().waitFor();
            if (status != 0) {
                throw new IllegalStateException("the end-to-end run on " + label + " exited " + status);
            }
        }
    }

    private static void throughput(boolean quick) throws RunnerException {
        System.out.println();
        System.out.println("2. Java API throughput, records/s, engine vs plain Java on the same records "
                + "(goal: engine >= 25% of plain Java), JMH:");
        for (int threads : new int[] {1, 2}) {
            Options o = new OptionsBuilder()
                    .include(ApiThroughput.class.getName())
                    .threads(threads)
                    .forks(1)
                    .warmupIterations(quick ? 2 : 4)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(quick ? 3 : 5)
                    .measurementTime(TimeValue.seconds(2))
                    .jvmArgsAppend("-Xmx1g")
                    .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                    .build();
            Collection<RunResult> results = new Runner(o).run();
            List<Double> engine = null;
            List<Double> plain = null;
            for (RunResult r : results) {
                List<Double> scores = new ArrayList<>();
                r.getBenchmarkResults().forEach(b -> b.getIterationResults()
                        .forEach(it -> scores.add(it.getPrimaryResult().getScore())));
                if (r.getParams().getBenchmark().endsWith(".engine")) {
                    engine = scores;
                } else {
                    plain = scores;
                }
            }
            System.out.println("   " + threads + " thread" + (threads > 1 ? "s" : " ") + ": engine     "
                    + mmm(engine, "%.0f"));
            System.out.println("             plain Java " + mmm(plain, "%.0f"));
            System.out.println(String.format(Locale.ROOT, "             engine / plain Java = %.0f%% (medians)",
                    100 * median(engine) / median(plain)));
        }
    }

    private static void memory() {
        System.out.println();
        System.out.println("4. Memory (this JVM):");
        long before = usedAfterGc();
        KpiEngine engine = KpiEngine.builder().build();
        long afterStart = usedAfterGc();
        System.out.println(String.format(Locale.ROOT, "   engine heap after start-up: %.1f MB (heap used after GC, "
                + "engine built minus before)", (afterStart - before) / 1e6));
        int n = 13 * 770;
        EvaluationRequest request = EvaluationRequest.of(BenchRequests.records(n)).asOf(BenchRequests.AS_OF);
        engine.evaluate(request);
        long withRequest = usedAfterGc();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        EvaluationResponse response = engine.evaluate(request);
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        long withResponse = usedAfterGc();
        System.out.println(String.format(Locale.ROOT, "   Java API, per evaluated record: %.0f bytes allocated, "
                + "%.0f bytes retained by the response (%d results a record)", (double) allocated / n,
                (double) (withResponse - withRequest) / n, response.results().size() / n));
        if (response.summary().records() != n) {
            throw new IllegalStateException();
        }
    }

    private static void endToEnd(Path cli, Path dir, int records, int runs) throws IOException, InterruptedException {
        Path request = dir.resolve("large.json");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(request), 1 << 16)) {
            BenchRequests.writeRequest(records, out);
        }
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "3. End to end, java -Xmx256m -jar kpi-cli.jar evaluate --input "
                + "FILE > /dev/null, %d records, %.0f MB in (goal >= 60000 records/s):", records,
                Files.size(request) / 1e6));
        List<Double> rates = new ArrayList<>();
        List<Double> live = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path gc = dir.resolve("gc-" + i + ".log");
            double seconds = run(List.of(java(), "-Xmx256m", "-Xlog:gc:file=" + gc, "-jar", cli.toString(),
                    "evaluate", "--input", request.toString()), Path.of("/dev/null"));
            rates.add(records / seconds);
            live.add(maxAfterGc(gc));
        }
        System.out.println("   records/s min/median/max " + mmm(rates, "%.0f"));
        System.out.println("   heap live after GC, max over the run, MB, min/median/max " + mmm(live, "%.0f")
                + String.format(Locale.ROOT, " (%.0f bytes per record at the median)", median(live) * 1e6 / records));
    }

    private static double maxAfterGc(Path log) throws IOException {
        Pattern p = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        double max = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                max = Math.max(max, Double.parseDouble(m.group(2)));
            }
        }
        return max;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double run(List<String> command, Path stdout) throws IOException, InterruptedException {
        return run(command, stdout, Map.of());
    }

    private static double run(List<String> command, Path stdout, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        b.environment().putAll(env);
        b.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        long start = System.nanoTime();
        Process process = b.start();
        int status = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + status);
        }
        return seconds;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String mmm(List<Double> xs, String format) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return String.format(Locale.ROOT, format + " / " + format + " / " + format + "  (%d runs)", s.get(0), median(s),
                s.get(s.size() - 1), s.size());
    }
}
