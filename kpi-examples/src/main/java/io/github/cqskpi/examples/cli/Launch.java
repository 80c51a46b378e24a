package io.github.cqskpi.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The jar's entry point: runs {@link Main}, in this JVM or, for a short command started as a
 * plain {@code java -jar kpi-cli.jar}, in a second JVM that maps the jar's class-data archive.
 *
 * <p>A cold JVM spends most of a small evaluation loading, verifying and compiling some two
 * thousand classes, Drools' among them; the archive beside the jar (made by the build and by
 * {@code bin/kpi-cli}: {@code kpi-cli.j17.jsa}, or on Java 25 and later its ahead-of-time cache
 * {@code kpi-cli.j25.aot}) holds them parsed and verified, but only a JVM flag can map it and a
 * jar cannot carry flags. So when this JVM was started with no option at all, neither on its
 * command line nor in {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS},
 * and an archive that this very JVM build made lies beside the jar and is not older than it,
 * the command runs in a child JVM with the flags {@code bin/kpi-cli} would give it. On 2 cores a
 * 100-record evaluation then takes about 0.25 s instead of 0.40 s, of which the first JVM's own
 * start is some 0.05 s.
 *
 * <p>The child inherits standard input, output and error as they are (a pipe, a FIFO, a file, a
 * terminal) and the environment; this JVM exits with the child's status. A SIGTERM, SIGINT or
 * SIGHUP sent to this JVM is passed on to the child as a SIGTERM, and this JVM waits for the
 * child to end before it exits itself. Any JVM option, {@code KPI_CLI_RELAUNCH=0}, the command
 * {@code serve} (a long run, whose signals and drain a second process would only complicate),
 * or a missing, stale or foreign archive keeps everything in this one JVM, exactly as before.
 * Should the first JVM be killed outright (SIGKILL, which it cannot pass on), the child notices
 * within a quarter of a second and stops as on a SIGTERM.
 */
public final class Launch {

    /** Set to {@code 0} to keep every command in the JVM that {@code java -jar} starts. */
    static final String SWITCH = "KPI_CLI_RELAUNCH";

    /** Set in the child's environment to the pid of the JVM that started it. */
    static final String PARENT = "KPI_CLI_PARENT";

    /** How often a child looks whether the JVM that started it is still there. */
    private static final long PARENT_CHECK_MILLIS = 250;

    /** The commands that are over in a moment, where a second JVM's start pays for itself. */
    static final Set<String> SHORT_COMMANDS = Set.of("evaluate", "targets", "template", "rule-sets", "diff", "verify");

    /** The environment variables through which a user gives the JVM options. */
    static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** Below this size an input is evaluated with the quick compiler only, as {@code bin/kpi-cli} does. */
    static final long SMALL_INPUT = 1 << 20;

    private static final int HEADER_BYTES = 4096;

    private Launch() {
    }

    /**
     * Runs the command line, in a child JVM when {@link #childCommand} gives one, else here.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Optional<List<String>> child = Optional.empty();
        try {
            child = childCommand(ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()),
                    System.getenv(), jarOf(Launch.class), System.getProperty("java.home"),
                    System.getProperty("java.vm.version"), Runtime.version().feature(), List.of(args));
        } catch (RuntimeException | IOException e) {
            // Whatever keeps the jar from being found or the archive from being read: run here.
        }
        if (child.isPresent()) {
            OptionalInt status = run(child.get());
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
        } else {
            stopWithParent(System.getenv(PARENT));
        }
        Main.main(args);
    }

    /**
     * In a child, stops this JVM as a SIGTERM would (exit 143, its shutdown hooks run: a copy of
     * standard input is deleted) when the JVM that started it is gone without stopping it, killed
     * with SIGKILL, so that no orphan goes on writing where nobody waits for it. Only when
     * {@code parentPid} names this process's parent, checked every {@value #PARENT_CHECK_MILLIS} ms
     * on a daemon thread.
     */
    static void stopWithParent(String parentPid) {
        if (parentPid == null) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty() || !Long.toString(parent.get().pid()).equals(parentPid)) {
            return;
        }
        ProcessHandle p = parent.get();
        Thread watch = new Thread(() -> {
            try {
                while (p.isAlive()) {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            System.exit(143);
        }, "kpi-cli parent watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * The child JVM's command line for this start, or empty to run in this JVM.
     *
     * @param jvmArguments this JVM's arguments after {@code java}, as the system reports them
     * @param env the environment
     * @param jar the jar this class was loaded from, or null when it is not in a jar
     * @param javaHome {@code java.home}
     * @param vmVersion {@code java.vm.version}, which an archive's header names
     * @param feature the JDK's feature release (17, 25)
     * @param args the command line's own arguments
     */
    static Optional<List<String>> childCommand(List<String> jvmArguments, Map<String, String> env, Path jar,
            String javaHome, String vmVersion, int feature, List<String> args) throws IOException {
        if (jar == null || args.isEmpty() || !SHORT_COMMANDS.contains(args.get(0)) || "0".equals(env.get(SWITCH))
                || jvmArguments.size() < 2 || !jvmArguments.get(0).equals("-jar")) {
            return Optional.empty();
        }
        for (String variable : OPTION_VARIABLES) {
            if (env.get(variable) != null) {
                return Optional.empty();
            }
        }
        Path archive = archive(jar, feature);
        if (!Files.isRegularFile(archive)
                || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0
                || !madeBy(archive, vmVersion)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        if (smallInput(args)) {
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:CICompilerCount=1");
        }
        if (feature >= 25) {
            command.add("-XX:AOTCache=" + archive);
        } else {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xshare:auto");
        }
        // The JVM's warnings on standard error, where they cannot mix with a response on standard
        // output; none about the archive, which the user did not ask for (a jar and archive
        // copied elsewhere together no longer match: the child then starts as a plain JVM would).
        command.add("-Xlog:disable");
        command.add(feature >= 25 ? "-Xlog:all=warning,cds*=off,aot*=off:stderr" : "-Xlog:all=warning,cds*=off:stderr");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return Optional.of(command);
    }

    /** The archive beside the jar for this JDK: {@code NAME.j17.jsa}, {@code NAME.j25.aot}. */
    static Path archive(Path jar, int feature) {
        String name = jar.getFileName().toString();
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        return jar.resolveSibling(base + ".j" + feature + (feature >= 25 ? ".aot" : ".jsa"));
    }

    /** Whether the archive's header names this JVM build, {@code "(17.0.15+6-Debian-1deb12u1)"}. */
    static boolean madeBy(Path archive, String vmVersion) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(archive)) {
            header = in.readNBytes(HEADER_BYTES);
        }
        return new String(header, StandardCharsets.ISO_8859_1).contains("(" + vmVersion + ")");
    }

    /** {@code --input FILE} names a regular file under {@value #SMALL_INPUT} bytes. */
    static boolean smallInput(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String file = a.startsWith("--input=") ? a.substring("--input=".length())
                    : a.equals("--input") && i + 1 < args.size() ? args.get(i + 1) : null;
            if (file != null) {
                try {
                    Path p = Path.of(file);
                    return Files.isRegularFile(p) && Files.size(p) < SMALL_INPUT;
                } catch (RuntimeException | IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static Path jarOf(Class<?> c) {
        try {
            Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p.toRealPath() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Starts the child and waits for it. A shutdown of this JVM (a signal) stops the child with a
     * SIGTERM and waits for it to end, at most a minute, then kills it; no child starts once this
     * JVM is shutting down.
     *
     * @return the child's exit status (143 when this JVM was already stopping), or empty when the
     *     child could not start
     */
    private static OptionalInt run(List<String> command) {
        Object lock = new Object();
        Process[] child = new Process[1];
        boolean[] stopping = new boolean[1];
        Thread stop = new Thread(() -> {
            Process p;
            synchronized (lock) {
                stopping[0] = true;
                p = child[0];
            }
            if (p != null) {
                p.destroy();
                try {
                    if (!p.waitFor(1, TimeUnit.MINUTES)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }
        }, "kpi-cli stop child");
        try {
            Runtime.getRuntime().addShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            return OptionalInt.of(143);
        }
        Process p;
        synchronized (lock) {
            if (stopping[0]) {
                return OptionalInt.of(143);
            }
            try {
                ProcessBuilder b = new ProcessBuilder(command).inheritIO();
                b.environment().put(PARENT, Long.toString(ProcessHandle.current().pid()));
                p = b.start();
            } catch (IOException | RuntimeException e) {
                Runtime.getRuntime().removeShutdownHook(stop);
                return OptionalInt.empty();
            }
            child[0] = p;
        }
        while (true) {
            try {
                return OptionalInt.of(p.waitFor());
            } catch (InterruptedException e) {
                // Only the child's end ends this JVM's wait.
            }
        }
    }
}
