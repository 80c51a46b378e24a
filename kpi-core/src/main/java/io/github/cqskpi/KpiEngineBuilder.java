package io.github.cqskpi;

import io.github.cqskpi.internal.DefaultKpiEngine;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link KpiEngine}. A builder is not safe for use by several threads; the engine it
 * builds is.
 */
public final class KpiEngineBuilder {

    /** The resource, on the class loader, that lists the rule sets of each jar. */
    public static final String RULE_SET_INDEX = "META-INF/cqs-kpi/rule-sets";

    /** The zone whose "today" is the default evaluation date. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Clock clock = Clock.system(VIETNAM);
    private ClassLoader classLoader = KpiEngineBuilder.class.getClassLoader();
    private Limits limits = Limits.defaults();
    private @Nullable Consumer<DecisionRecord> decisionLog;

    KpiEngineBuilder() {
    }

    /**
     * The clock whose day is the evaluation date when a request gives none.
     * The default is the system clock in Asia/Ho_Chi_Minh.
     *
     * @param clock the clock
     * @return this builder
     */
    public KpiEngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The class loader whose classpath holds the rule sets. The default is the one that
     * loaded this library.
     *
     * @param classLoader the class loader
     * @return this builder
     */
    public KpiEngineBuilder classLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /**
     * The most a JSON request may hold; past a limit it is refused as a whole with a
     * {@link RequestLimitException}. The default, {@link Limits#defaults()}, protects a host
     * shared by many callers; a program that reads a file its user chose may lift the size
     * ceilings with {@link Limits#unlimitedRecords()}.
     *
     * @param limits the limits
     * @return this builder
     */
    public KpiEngineBuilder limits(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * Where to send one {@link DecisionRecord} per evaluated request (none by default). The
     * consumer is called on the evaluating thread, after the response is complete and before
     * it is returned, by many threads at once when the engine is shared: it must be
     * thread-safe. If it throws, the evaluation fails with its exception, so that no verdict
     * leaves the engine unlogged.
     *
     * @param decisionLog the consumer
     * @return this builder
     */
    public KpiEngineBuilder decisionLog(Consumer<DecisionRecord> decisionLog) {
        this.decisionLog = Objects.requireNonNull(decisionLog, "decisionLog");
        return this;
    }

    /**
     * Loads every rule set on the classpath and builds the engine.
     *
     * <p>Rule sets are found through the resources named {@value #RULE_SET_INDEX} on the
     * {@linkplain #classLoader(ClassLoader) class loader}: each rule set jar (such as
     * {@code io.github.cqskpi:kpi-rules}) holds one, listing its rule sets.
     *
     * @return the engine
     * @throws IllegalStateException when a rule set on the classpath is corrupt, naming it, or
     *     when no rule set is found, naming the resource looked for and the class loader
     */
    public KpiEngine build() {
        KpiEngine engine = new DefaultKpiEngine(clock, classLoader, limits, decisionLog);
        if (engine.ruleSets().isEmpty()) {
            throw new IllegalStateException("no rule set found: no resource " + RULE_SET_INDEX
                    + " listing one on the class loader " + describe(classLoader)
                    + "; put a rule set's jar, such as io.github.cqskpi:kpi-rules, on its classpath");
        }
        return engine;
    }

    private static String describe(ClassLoader loader) {
        String name = loader.getName();
        return name == null ? loader.toString() : "\"" + name + "\" (" + loader + ")";
    }
}
