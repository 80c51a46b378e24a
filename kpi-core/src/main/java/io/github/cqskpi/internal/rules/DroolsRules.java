package io.github.cqskpi.internal.rules;

import io.github.cqskpi.rule.UnitPeriod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.function.IntConsumer;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that owns Drools: it finds a rule package's executable model, which the build
 * generated from DRL, builds its {@link KieBase} and fires it over batches of facts.
 *
 * <p>The model is loaded with its rule set (the rules' metadata give the catalogue), but the
 * KieBase is built apart: on a thread of its own when the engine asks for it early
 * ({@link #prepare()}, for the default rule set), else when the rules first fire, so that a
 * process that evaluates under one version pays for no other's. The trade-off: a model that
 * loads but cannot be built fails on the first evaluation under it (an internal error naming the
 * DRL package), not when the engine is built; running its conformance vectors
 * ({@code kpi-cli verify}) builds it.
 *
 * <p>Nothing is compiled at run time. The model classes are found through the
 * {@code META-INF/kie/**}{@code /drools-model} lists that the build writes beside them, in the
 * same jar or folder as the rule set's descriptor; this skips {@code kmodule.xml} and the KIE
 * container, which cost several hundred milliseconds at start-up.
 */
public final class DroolsRules {

    /** Facts per {@code execute}: about a thousand ran several times faster than one or all at once. */
    public static final int BATCH = 1000;

    /**
     * An optional list, in a rule set's jar or folder, of the {@code drools-model} files in it
     * (one path a line): read in place of a scan of the whole jar for them.
     */
    public static final String MODEL_INDEX = "META-INF/cqs-kpi/drools-models";

    private static final Map<String, List<String>> MODEL_CLASSES_BY_ROOT = new ConcurrentHashMap<>();

    private static final Logger LOG = LoggerFactory.getLogger(DroolsRules.class);
    private static final java.util.regex.Pattern RULE_IN_MESSAGE = java.util.regex.Pattern.compile("[Rr]ule \"([^\"]+)\"");

    private final String drlPackage;
    private final Model model;
    private final ClassLoader loader;
    /**
     * Builds the KieBase from the model, once: on a thread of its own when {@link #prepare()} is
     * called, else on the first thread that fires the rules. A process that evaluates under one
     * version builds no other's.
     */
    private final FutureTask<KieBase> build = new FutureTask<>(this::buildKieBase);
    private final AtomicBoolean started = new AtomicBoolean();

    private DroolsRules(String drlPackage, Model model, ClassLoader loader) {
        this.drlPackage = drlPackage;
        this.model = model;
        this.loader = loader;
    }

    private KieBase buildKieBase() {
        try {
            // The configuration straight from drools-core: KieServices would first look up
            // every KIE service on the classpath, which a KieBase built from a model never uses.
            return KieBaseBuilder.createKieBaseFromModel(model,
                    RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot build the rules of DRL package " + drlPackage + ": " + e, e);
        }
    }

    /**
     * Starts building the KieBase on a daemon thread of its own, so that it is ready, or nearly,
     * when the rules first fire; does nothing when it is built or being built. The engine calls
     * this for its default rule set when it starts: a command-line run evaluating a small file
     * reads the request while the rules are built, on the machine's other core.
     */
    public void prepare() {
        if (started.compareAndSet(false, true)) {
            Thread t = new Thread(build, "cqs-kpi-rules " + drlPackage);
            t.setDaemon(true);
            t.start();
        }
    }

    private KieBase kieBase() {
        if (started.compareAndSet(false, true)) {
            build.run();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return build.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the build goes on; waiting for it is short
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw (Error) e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Loads the executable model of one DRL package.
     *
     * @param loader where the classes are
     * @param descriptor the URL of a resource in the same jar or folder as the model
     * @param descriptorPath that resource's path, to find the jar's or folder's root
     * @param drlPackage the DRL package
     */
    public static DroolsRules load(ClassLoader loader, URL descriptor, String descriptorPath, String drlPackage) {
        List<String> candidates = inPackage(modelClasses(descriptor, descriptorPath, true), drlPackage);
        if (candidates.isEmpty()) {
            // Not listed (a jar that merges rule set jars may carry one jar's list only): scan.
            candidates = inPackage(modelClasses(descriptor, descriptorPath, false), drlPackage);
        }
        if (candidates.size() != 1) {
            throw new IllegalStateException("expected one executable model for DRL package " + drlPackage
                    + " beside " + descriptor + ", found " + candidates
                    + " (is the module built with kie-maven-plugin and packaging kjar?)");
        }
        Model model;
        try {
            model = (Model) Class.forName(candidates.get(0), true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the executable model " + candidates.get(0), e);
        }
        return new DroolsRules(drlPackage, model, loader);
    }

    /** The rules of the package with their metadata, in the order they are declared. */
    public Map<String, Map<String, Object>> rules() {
        // Read from the model, in the order the KieBase would add them, without building it.
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (org.drools.model.Rule rule : model.getRules()) {
            if (drlPackage.equals(rule.getPackage())) {
                out.put(rule.getName(), rule.getMetaData());
            }
        }
        return out;
    }

    /**
     * Fires the rules over the facts, a batch at a time, and returns what failed: by record
     * index, which rule failed and how. When anything throws while a batch runs (a consequence,
     * a condition), the batch's verdicts are undone with {@code reset} and its facts run again
     * one at a time, so that only the records the rules cannot judge fail, and the others get
     * the verdicts they would have had.
     */
    public Map<Integer, String> fire(List<UnitPeriod> facts, IntConsumer reset) {
        if (facts.isEmpty()) {
            return Map.of();
        }
        Map<Integer, String> faults = new java.util.HashMap<>();
        StatelessKieSession session = kieBase().newStatelessKieSession();
        for (int from = 0; from < facts.size(); from += BATCH) {
            List<UnitPeriod> batch = facts.subList(from, Math.min(facts.size(), from + BATCH));
            try {
                session.execute(batch);
            } catch (RuntimeException batchFailed) {
                batch.forEach(f -> reset.accept(f.getRecord()));
                for (UnitPeriod f : batch) {
                    try {
                        session.execute(List.of(f));
                    } catch (RuntimeException e) {
                        reset.accept(f.getRecord());
                        faults.put(f.getRecord(), describe(e));
                        LOG.warn("the rules of {} failed on record {} (unit {})", drlPackage, f.getRecord(),
                                f.getUnitId(), e);
                    }
                }
            }
        }
        return faults;
    }

    /** The failed rule's name and the kind of failure; never the exception's message, which is internal. */
    private static String describe(RuntimeException e) {
        String kind = e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName();
        String rule = null;
        if (e instanceof ConsequenceException c && c.getRule() != null) {
            rule = c.getRule().getName();
        } else if (e.getMessage() != null) {
            java.util.regex.Matcher m = RULE_IN_MESSAGE.matcher(e.getMessage());
            rule = m.find() ? m.group(1) : null;
        }
        String what = e instanceof ConsequenceException ? "while judging this record" : "while matching this record";
        return (rule == null ? "a rule" : "rule \"" + rule + "\"") + " failed " + what + " (" + kind
                + "); no verdict is given for it";
    }

    private static List<String> inPackage(List<String> classes, String drlPackage) {
        List<String> out = new ArrayList<>();
        for (String cls : classes) {
            int dot = cls.lastIndexOf('.');
            if (dot > 0 && cls.substring(0, dot).equals(drlPackage)) {
                out.add(cls);
            }
        }
        return out;
    }

    /**
     * The model classes in the descriptor's jar or folder: those its {@link #MODEL_INDEX} lists
     * when {@code listed} (none when it has no index), else those a scan for model lists finds.
     */
    private static List<String> modelClasses(URL descriptor, String descriptorPath, boolean listed) {
        String root = rootOf(descriptor, descriptorPath);
        return MODEL_CLASSES_BY_ROOT.computeIfAbsent((listed ? "listed " : "scanned ") + root, r -> {
            try {
                return listed ? listedModels(descriptor, descriptorPath) : readModelLists(descriptor, descriptorPath);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the executable models beside " + descriptor + ": "
                        + e.getMessage(), e);
            }
        });
    }

    private static String rootOf(URL url, String path) {
        String s = url.toString();
        return s.endsWith(path) ? s.substring(0, s.length() - path.length()) : s;
    }

    private static List<String> listedModels(URL descriptor, String descriptorPath) throws IOException {
        String root = rootOf(descriptor, descriptorPath);
        List<String> paths;
        try (InputStream in = new URL(root + MODEL_INDEX).openStream()) {
            paths = lines(in);
        } catch (java.io.FileNotFoundException e) {
            return List.of();
        }
        List<String> classes = new ArrayList<>();
        for (String path : paths) {
            try (InputStream in = new URL(root + path).openStream()) {
                classes.addAll(parseModelList(in));
            } catch (java.io.FileNotFoundException e) {
                throw new IOException(root + MODEL_INDEX + " lists " + path + ", which is not there", e);
            }
        }
        return Collections.unmodifiableList(classes);
    }

    private static List<String> readModelLists(URL descriptor, String descriptorPath) throws IOException {
        List<String> classes = new ArrayList<>();
        if ("jar".equals(descriptor.getProtocol())) {
            URLConnection c = descriptor.openConnection();
            c.setUseCaches(false);
            try (JarFile jar = ((JarURLConnection) c).getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith("META-INF/kie/") && e.getName().endsWith("/drools-model")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            classes.addAll(parseModelList(in));
                        }
                    }
                }
            }
        } else if ("file".equals(descriptor.getProtocol())) {
            Path file;
            try {
                file = Paths.get(descriptor.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            Path root = file;
            for (int i = descriptorPath.split("/").length; i > 0 && root != null; i--) {
                root = root.getParent();
            }
            Path kie = root == null ? null : root.resolve("META-INF").resolve("kie");
            if (kie != null && Files.isDirectory(kie)) {
                try (Stream<Path> walk = Files.walk(kie)) {
                    for (Path p : (Iterable<Path>) walk.filter(p -> p.endsWith("drools-model")).sorted()::iterator) {
                        try (InputStream in = Files.newInputStream(p)) {
                            classes.addAll(parseModelList(in));
                        }
                    }
                }
            }
        } else {
            throw new IOException("rule sets load from jars and folders on the classpath, not from " + descriptor);
        }
        return Collections.unmodifiableList(classes);
    }

    /** The lines of a list, less blank ones and {@code #} comments. */
    private static List<String> lines(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            line = line.trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }

    /** A model list's class names: its lines less the version header kie-maven-plugin writes first. */
    private static List<String> parseModelList(InputStream in) throws IOException {
        List<String> out = lines(in);
        out.removeIf(line -> line.startsWith("Drools-Model-Version"));
        return out;
    }
}
