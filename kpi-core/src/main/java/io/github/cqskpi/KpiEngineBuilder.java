package io.github.cqskpi;

import io.github.cqskpi.internal.DefaultKpiEngine;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Builds a {@link KpiEngine}. A builder is not safe for use by several threads; the engine it
 * builds is.
 */
public final class KpiEngineBuilder {

    /** The zone whose "today" is the default evaluation date. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Clock clock = Clock.system(VIETNAM);
    private ClassLoader classLoader = KpiEngineBuilder.class.getClassLoader();

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
     * Loads every rule set on the classpath and builds the engine.
     *
     * @return the engine
     * @throws IllegalStateException when a rule set on the classpath is corrupt, naming it
     */
    public KpiEngine build() {
        return new DefaultKpiEngine(clock, classLoader);
    }
}
