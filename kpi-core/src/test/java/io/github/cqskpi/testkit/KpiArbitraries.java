package io.github.cqskpi.testkit;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Period;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.Status;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for properties of CQS KPI: units, periods, records and requests that the
 * contract accepts, counts placed on the thresholds of a rule set's figures, runs of
 * consecutive periods for the trend target, and requests with one kind of bad record.
 *
 * <p>Everything is read from the rule set's public catalogue ({@link KpiEngine#ruleSet}): its
 * measures, figures, windows, levels and roles. Nothing is specific to one rule set, so the
 * kit follows a new rule set version without change. Add {@code kpi-core}'s test-jar in test
 * scope and write:
 * <pre>{@code
 * static final KpiEngine ENGINE = KpiEngine.builder().build();
 * static final KpiArbitraries KIT = KpiArbitraries.of(ENGINE, "dak-nong-2022");
 *
 * @Property(tries = 1000)
 * void thresholdsAreExact(@ForAll("thresholds") ThresholdCase c) {
 *     assertEquals(c.expected(), statusOf(ENGINE.evaluate(c.request()), c));
 * }
 *
 * @Provide
 * Arbitrary<ThresholdCase> thresholds() {
 *     return KIT.thresholdCases();
 * }
 * }</pre>
 */
public final class KpiArbitraries {

    /** The largest count the contract allows: 2^53 − 1. */
    public static final long MAX_COUNT = 9_007_199_254_740_991L;

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final Catalogue c;
    private final List<String> keys;
    /** Built once: jqwik caches the generators of an arbitrary, not of one made anew in every flatMap. */
    private final Arbitrary<List<Draw>> draws;
    private final Map<Level, Arbitrary<Unit>> unitsByLevel = new java.util.EnumMap<>(Level.class);
    private final Arbitrary<Unit> anyUnit;
    private final Arbitrary<Period> anyPeriod;
    private final Arbitrary<LocalDate> anyAsOf;

    private KpiArbitraries(RuleSetInfo info) {
        this.c = new Catalogue(info);
        this.keys = new ArrayList<>(c.keys.keySet());
        List<Arbitrary<Draw>> perKey = new ArrayList<>(keys.size());
        for (String k : keys) {
            perKey.add(draw(k));
        }
        this.draws = Combinators.combine(perKey).as(ds -> ds);
        for (Level l : Level.values()) {
            unitsByLevel.put(l, makeUnits(l));
        }
        this.anyUnit = Arbitraries.oneOf(new ArrayList<>(unitsByLevel.values()));
        this.anyPeriod = makePeriods();
        this.anyAsOf = makeAsOfDates();
    }

    /**
     * A kit for one rule set version.
     *
     * @param ruleSet the rule set, as {@link KpiEngine#ruleSet} gives it
     * @return the kit
     */
    public static KpiArbitraries of(RuleSetInfo ruleSet) {
        return new KpiArbitraries(ruleSet);
    }

    /**
     * A kit for the newest loaded version of a rule set.
     *
     * @param engine the engine that loaded it
     * @param ruleSetId the rule set's id, such as {@code dak-nong-2022}
     * @return the kit
     * @throws IllegalArgumentException when the engine has no such rule set
     */
    public static KpiArbitraries of(KpiEngine engine, String ruleSetId) {
        return of(engine.ruleSet(ruleSetId)
                .orElseThrow(() -> new IllegalArgumentException("no rule set " + ruleSetId)));
    }

    /**
     * The rule set this kit generates for.
     *
     * @return its catalogue
     */
    public RuleSetInfo ruleSet() {
        return c.info;
    }

    // ------------------------------------------------------------------ units, periods, dates

    /**
     * Any of the contract's levels.
     *
     * @return PROVINCE, DISTRICT or COMMUNE
     */
    public static Arbitrary<Level> levels() {
        return Arbitraries.of(Level.class);
    }

    /**
     * Unit ids the contract accepts: 1 to 200 characters, ASCII slugs, Vietnamese letters,
     * and characters outside the Basic Multilingual Plane (which count as one character each).
     *
     * @return unit ids
     */
    public static Arbitrary<String> unitIds() {
        Arbitrary<String> slugs = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
                .ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> vietnamese = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', '/', '~', '"',
                '\\', 'ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư', 'Ắ', 'ạ', 'ả', 'ấ', 'ề', 'ộ', 'ữ', 'ỹ').ofMinLength(1).ofMaxLength(200);
        Arbitrary<String> astral = Arbitraries.integers().between(1, 200).map(n -> "😀".repeat(n));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("xa-quang-son", "huyen-cu-jut", "so-tttt", "bao-dak-nong", "dai-ptth")),
                Tuple.of(5, slugs), Tuple.of(2, vietnamese), Tuple.of(1, astral));
    }

    /**
     * Units of any level with any roles that level may hold (often none).
     *
     * @return units the contract accepts
     */
    public Arbitrary<Unit> units() {
        return anyUnit;
    }

    /**
     * Units of one level with any roles that level may hold (often none).
     *
     * @param level the level
     * @return units the contract accepts
     */
    public Arbitrary<Unit> units(Level level) {
        return unitsByLevel.get(level);
    }

    private Arbitrary<Unit> makeUnits(Level level) {
        List<String> roles = c.rolesFor(level);
        Arbitrary<Set<String>> roleSets = roles.isEmpty() ? Arbitraries.just(Set.of())
                : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Set.<String>of())),
                        Tuple.of(3, Arbitraries.of(roles).set().ofMinSize(1).ofMaxSize(roles.size())));
        Arbitrary<String> names = Arbitraries.strings().withCharRange('A', 'z').withChars(' ', 'Ủ', 'ư').ofMaxLength(40)
                .injectNull(0.5);
        return Combinators.combine(unitIds(), names, roleSets).as((id, name, r) -> new Unit(id, Optional.ofNullable(name), level, r));
    }

    /**
     * Periods of every shape: calendar years, calendar months, and periods ending on the
     * edges of the rule set's windows or on any day, from one day to more than a year long.
     *
     * @return periods with {@code from <= to}
     */
    public Arbitrary<Period> periods() {
        return anyPeriod;
    }

    private Arbitrary<Period> makePeriods() {
        // Most windows are in 2022: periods lean there, and still reach the years around it.
        Arbitrary<Integer> yearsAround = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(2022)),
                Tuple.of(2, Arbitraries.integers().between(2020, 2026)));
        Arbitrary<Period> years = yearsAround.map(Period::year);
        Arbitrary<Period> months = Combinators.combine(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(2022)),
                        Tuple.of(1, Arbitraries.integers().between(2021, 2023))),
                Arbitraries.integers().between(1, 12)).as(Period::month);
        Arbitrary<Period> edges = Combinators.combine(Arbitraries.of(new ArrayList<>(c.windowEdges)),
                Arbitraries.integers().between(0, 400)).as((end, len) -> new Period(end.minusDays(len), end));
        Arbitrary<Period> any = Combinators.combine(days(LocalDate.of(2021, 6, 1), LocalDate.of(2026, 1, 31)),
                Arbitraries.integers().between(0, 500)).as((end, len) -> new Period(end.minusDays(len), end));
        return Arbitraries.frequencyOf(Tuple.of(3, years), Tuple.of(4, months), Tuple.of(2, edges), Tuple.of(2, any));
    }

    /**
     * Evaluation dates: any day of 2022 and the next years, often the day before, on or after a deadline.
     *
     * @return evaluation dates
     */
    public Arbitrary<LocalDate> asOfDates() {
        return anyAsOf;
    }

    private Arbitrary<LocalDate> makeAsOfDates() {
        List<LocalDate> near = new ArrayList<>();
        c.deadlinesOf.values().forEach(ds -> ds.forEach(d -> {
            near.add(d.minusDays(1));
            near.add(d);
            near.add(d.plusDays(1));
        }));
        Arbitrary<LocalDate> any = days(LocalDate.of(2022, 1, 1), LocalDate.of(2026, 6, 30));
        return near.isEmpty() ? any : Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(2, Arbitraries.of(near)));
    }

    // ------------------------------------------------------------------ metrics, records, requests

    /**
     * Figures for the rule set's metric keys that the contract accepts with the given
     * evaluation date: each key present or not, counts from 0 to 2^53 − 1 with every part at
     * most its whole (often right at a figure's threshold), submission dates (or not
     * submitted) near the deadlines and not after {@code asOf}, and flags.
     *
     * @param asOf the evaluation date
     * @return metric maps, keyed as the contract spells them
     */
    public Arbitrary<Map<String, MetricValue>> metrics(LocalDate asOf) {
        return draws.map(ds -> metrics(ds, asOf));
    }

    private Map<String, MetricValue> metrics(List<Draw> ds, LocalDate asOf) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, MetricValue> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            Draw d = ds.get(i);
            MetricValue v;
            if (d.value() instanceof Share s) {
                long whole = counts.get(c.wholeOf.get(k));
                long part = s.of(whole);
                counts.put(k, part);
                v = MetricValue.count(part);
            } else if (d.value() instanceof Long n) {
                counts.put(k, n);
                v = MetricValue.count(n);
            } else if (d.value() instanceof LocalDate day) {
                v = MetricValue.date(day.isAfter(asOf) ? asOf : day);
            } else if (d.value() instanceof Boolean b) {
                v = MetricValue.flag(b);
            } else {
                v = MetricValue.notSubmitted();
            }
            if (d.present()) {
                out.put(k, v);
            }
        }
        return out;
    }

    /** The draws behind {@link #metrics(LocalDate)}, for the kit's other generators. */
    Arbitrary<List<Draw>> metricDraws() {
        return draws;
    }

    Map<String, MetricValue> metricsOf(List<Draw> ds, LocalDate asOf) {
        return metrics(ds, asOf);
    }

    /** One key's draw: whether it is present and the value (or the share of its whole). */
    record Draw(boolean present, Object value) {
    }

    /** A part as a share of its whole: none, all, near a percentage, or any. */
    private record Share(int mode, BigDecimal percent, int delta, long raw) {
        long of(long whole) {
            return switch (mode) {
                case 0 -> 0;
                case 1 -> whole;
                case 2 -> {
                    long t = BigDecimal.valueOf(whole).multiply(percent).divide(BigDecimal.valueOf(100), 0,
                            RoundingMode.FLOOR).longValueExact() + delta;
                    yield Math.max(0, Math.min(whole, t));
                }
                default -> Long.remainderUnsigned(raw, whole + 1);
            };
        }
    }

    private Arbitrary<Draw> draw(String key) {
        Arbitrary<Boolean> present = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        Arbitrary<?> value;
        switch (c.keys.get(key)) {
            case COUNT -> {
                if (c.wholeOf.containsKey(key)) {
                    List<BigDecimal> ps = new ArrayList<>(c.percentsOf.getOrDefault(key, Set.of()));
                    ps.add(BigDecimal.valueOf(100));
                    value = Arbitraries.frequencyOf(
                            Tuple.of(1, Arbitraries.just(new Share(0, BigDecimal.ZERO, 0, 0))),
                            Tuple.of(2, Arbitraries.just(new Share(1, BigDecimal.ZERO, 0, 0))),
                            Tuple.of(5, Combinators.combine(Arbitraries.of(ps), Arbitraries.integers().between(-1, 2))
                                    .as((p, dl) -> new Share(2, p, dl, 0))),
                            Tuple.of(3, Arbitraries.longs().between(0, MAX_COUNT).map(r -> new Share(3, null, 0, r))));
                } else if (c.figures.stream().anyMatch(f -> key.equals(f.key()))) {
                    value = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(0, 4)),
                            Tuple.of(1, Arbitraries.longs().between(0, MAX_COUNT)));
                } else {
                    value = wholes();
                }
            }
            case DATE -> {
                List<LocalDate> deadlines = new ArrayList<>(c.deadlinesOf.get(key));
                value = Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.just("not submitted")),
                        Tuple.of(5, Combinators.combine(Arbitraries.of(deadlines), Arbitraries.integers().between(-5, 5))
                                .as(LocalDate::plusDays)),
                        Tuple.of(1, days(LocalDate.of(2021, 12, 1), LocalDate.of(2023, 1, 31))));
            }
            case FLAG -> value = Arbitraries.of(true, false);
            default -> throw new IllegalStateException();
        }
        return Combinators.combine(present, value).as((p, v) -> new Draw(p, v));
    }

    /** Wholes: often 0 or small, sometimes up to 2^53 − 1. */
    private static Arbitrary<Long> wholes() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(8, Arbitraries.longs().between(1, 200)),
                Tuple.of(2, Arbitraries.longs().between(201, 1_000_000_000L)),
                Tuple.of(1, Arbitraries.longs().between(MAX_COUNT - 1000, MAX_COUNT)),
                Tuple.of(1, Arbitraries.longs().between(1, MAX_COUNT)));
    }

    /**
     * Records the contract accepts with the given evaluation date: a unit of any level and
     * roles, a period of any shape, and figures from {@link #metrics(LocalDate)}.
     *
     * @param asOf the evaluation date the record's submission dates may not pass
     * @return valid records
     */
    public Arbitrary<UnitRecord> unitRecords(LocalDate asOf) {
        return Combinators.combine(units(), periods(), draws).as((u, p, ds) -> new UnitRecord(u, p, metrics(ds, asOf)));
    }

    /**
     * Valid requests of one to eight records drawn from a few units, so that a unit often
     * appears with several periods (and with consecutive ones, for the trend target). Each
     * request names this kit's rule set and version and an evaluation date.
     *
     * @return valid requests, with no unit and period given twice
     */
    public Arbitrary<EvaluationRequest> requests() {
        Arbitrary<Tuple.Tuple3<Integer, Period, List<Draw>>> entries = Combinators.combine(
                Arbitraries.integers().between(0, 2), periods(), draws).as(Tuple::of);
        return Combinators.combine(asOfDates(), units().list().ofMinSize(1).ofMaxSize(3),
                        entries.list().ofMinSize(1).ofMaxSize(8).withSizeDistribution(RandomDistribution.uniform()))
                .as((asOf, units, es) -> {
                    Map<String, Unit> pool = new LinkedHashMap<>();
                    units.forEach(u -> pool.putIfAbsent(u.id(), u));
                    List<Unit> distinct = new ArrayList<>(pool.values());
                    Map<List<Object>, UnitRecord> records = new LinkedHashMap<>();
                    for (Tuple.Tuple3<Integer, Period, List<Draw>> e : es) {
                        Unit u = distinct.get(e.get1() % distinct.size());
                        records.putIfAbsent(List.of(u.id(), e.get2()), new UnitRecord(u, e.get2(), metrics(e.get3(), asOf)));
                    }
                    return request(asOf, new ArrayList<>(records.values()));
                });
    }

    /**
     * Requests of one unit over two to six consecutive periods (each starts the day after the
     * previous one ends, whatever their lengths), in any order, sometimes with one more record
     * that ends on the same day as another so that a record has two previous records.
     *
     * @return valid requests for the trend target
     */
    public Arbitrary<EvaluationRequest> consecutivePeriods() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.just(-12)), Tuple.of(2, Arbitraries.integers().between(1, 120)));
        Arbitrary<LocalDate> ends = Arbitraries.frequencyOf(
                Tuple.of(3, days(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))),
                Tuple.of(1, Arbitraries.of(LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1), LocalDate.of(2022, 1, 1))));
        Arbitrary<Boolean> twin = Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true));
        Arbitrary<List<Tuple.Tuple2<List<Draw>, Long>>> figures = Combinators.combine(draws, Arbitraries.longs())
                .as(Tuple::of).list().ofSize(7);
        return Combinators.combine(asOfDates(), units(), ends, lengths.list().ofMinSize(2).ofMaxSize(6), twin, figures)
                .as((asOf, unit, end, lens, withTwin, fs) -> {
                    List<Period> periods = chain(end, lens);
                    if (withTwin) {
                        Period p = periods.get(periods.size() / 2);
                        // Ends on the same day as p, starts on another: whoever follows p has two previous records.
                        periods.add(new Period(p.from().equals(p.to()) ? p.from().minusDays(1) : p.from().plusDays(1),
                                p.to()));
                    }
                    List<Tuple.Tuple2<UnitRecord, Long>> keyed = new ArrayList<>();
                    for (int i = 0; i < periods.size(); i++) {
                        keyed.add(Tuple.of(new UnitRecord(unit, periods.get(i), metrics(fs.get(i).get1(), asOf)),
                                fs.get(i).get2()));
                    }
                    // In any order: sorted by a drawn key, so that shrinking brings back the time order.
                    keyed.sort(java.util.Comparator.comparing(Tuple.Tuple2::get2));
                    return request(asOf, keyed.stream().map(Tuple.Tuple2::get1).toList());
                });
    }

    /** Periods back to back, the last ending on {@code end}; a negative length is that many months. */
    private static List<Period> chain(LocalDate end, List<Integer> lengths) {
        List<Period> out = new ArrayList<>();
        LocalDate to = end;
        for (int len : lengths) {
            LocalDate from = len < 0 ? to.plusDays(1).minusMonths(-len) : to.minusDays(len - 1);
            if (from.isAfter(to)) {
                from = to;
            }
            out.add(0, new Period(from, to));
            to = from.minusDays(1);
        }
        return out;
    }

    private EvaluationRequest request(LocalDate asOf, List<UnitRecord> records) {
        return new EvaluationRequest(Optional.of(asOf), Optional.of(c.info.ref().id()),
                Optional.of(c.info.ref().version()), records);
    }

    // ------------------------------------------------------------------ thresholds

    /**
     * Cases on the threshold of every figure of the rule set that has one: percentages
     * (the part exactly on, one below and one above the threshold, and when the threshold
     * falls between two counts the counts either side of it), counts, deadlines (on the day,
     * the day before, the day after) and the trend (the same rate, just below, just above).
     * Units, periods and wholes vary, wholes up to 2^53 − 1.
     *
     * @return cases with the status their figure asks for
     */
    public Arbitrary<ThresholdCase> thresholdCases() {
        List<Arbitrary<ThresholdCase>> all = new ArrayList<>();
        for (Catalogue.Fig f : c.figures) {
            if (f.window() == null) {
                continue;
            }
            switch (f.kind()) {
                case RATIO -> all.add(percentCase(f));
                case COUNT -> all.add(countCase(f));
                case DATE -> all.add(deadlineCase(f));
                case TREND -> all.add(trendCase(f));
                default -> {
                }
            }
        }
        return Arbitraries.oneOf(all);
    }

    /**
     * Cases in scope and in window of every percentage figure, with any part and whole
     * (often on the threshold), for comparing verdicts as the counts change.
     *
     * @return ratio cases
     */
    public Arbitrary<RatioCase> ratioCases() {
        List<Arbitrary<RatioCase>> all = new ArrayList<>();
        for (Catalogue.Fig f : c.figures) {
            if (f.window() == null || f.kind() != Catalogue.Kind.RATIO) {
                continue;
            }
            Requirement.Percent p = (Requirement.Percent) f.required();
            Arbitrary<long[]> counts = wholes().flatMap(d -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.longs().between(0, d)),
                    Tuple.of(2, Arbitraries.integers().between(-1, 1).map(dl -> Math.max(0, Math.min(d,
                            BigDecimal.valueOf(d).multiply(p.percent()).divide(BigDecimal.valueOf(100), 0,
                                    RoundingMode.CEILING).longValueExact() + dl))))
            ).map(n -> new long[] {n, d}));
            all.add(Combinators.combine(unitFor(f), periodFor(f), counts, asOfDates())
                    .as((u, per, nd, asOf) -> new RatioCase(f.target().id(), f.figure().rule(), p, u, per,
                            f.numerator(), f.denominator(), nd[0], nd[1], asOf, c.info.ref().id(),
                            c.info.ref().version())));
        }
        return Arbitraries.oneOf(all);
    }

    private Arbitrary<ThresholdCase> percentCase(Catalogue.Fig f) {
        Requirement.Percent p = (Requirement.Percent) f.required();
        BigInteger a = p.percent().unscaledValue();
        BigInteger b = HUNDRED.multiply(BigInteger.TEN.pow(Math.max(0, p.percent().scale())));
        if (p.percent().scale() < 0) {
            a = a.multiply(BigInteger.TEN.pow(-p.percent().scale()));
        }
        BigInteger g = a.gcd(b);
        long q = b.divide(g).longValueExact();   // the whole must be a multiple of q for the threshold to be a count
        long aq = a.divide(g).longValueExact();  // the threshold's count per q
        long kmax = (MAX_COUNT - q) / q;
        Arbitrary<Long> ks = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.longs().between(1, Math.min(50, kmax))),
                Tuple.of(2, Arbitraries.longs().between(1, kmax)),
                Tuple.of(1, Arbitraries.longs().between(Math.max(1, kmax - 10), kmax)));
        Arbitrary<Long> offsets = q > 1 ? Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(1, q - 1))) : Arbitraries.just(0L);
        BigInteger bigA = a;
        BigInteger bigB = b;
        return Combinators.combine(unitFor(f), periodFor(f), asOfDates(), ks, offsets, Arbitraries.of(Placement.class))
                .as((u, per, asOf, k, r, wanted) -> {
                    long d = q * k + r;
                    long n;
                    Placement at;
                    if (r == 0) {
                        long t = aq * k;
                        at = wanted == Placement.JUST_BELOW && t < 1 ? Placement.AT
                                : wanted == Placement.JUST_ABOVE && t + 1 > d ? Placement.AT : wanted;
                        n = at == Placement.AT ? t : at == Placement.JUST_BELOW ? t - 1 : t + 1;
                    } else {
                        long floor = bigA.multiply(BigInteger.valueOf(d)).divide(bigB).longValueExact();
                        at = wanted == Placement.JUST_BELOW ? Placement.JUST_BELOW : Placement.JUST_ABOVE;
                        n = at == Placement.JUST_BELOW ? floor : floor + 1;
                    }
                    UnitRecord rec = UnitRecord.of(u, per).with(f.denominator(), d).with(f.numerator(), n);
                    return thresholdCase(f, at, List.of(rec), 0, asOf, expected(p.operator(), at));
                });
    }

    private Arbitrary<ThresholdCase> countCase(Catalogue.Fig f) {
        Requirement.Count req = (Requirement.Count) f.required();
        return Combinators.combine(unitFor(f), periodFor(f), asOfDates(), Arbitraries.of(Placement.class))
                .as((u, per, asOf, wanted) -> {
                    Placement at = wanted == Placement.JUST_BELOW && req.value() < 1 ? Placement.AT : wanted;
                    long n = at == Placement.AT ? req.value() : at == Placement.JUST_BELOW ? req.value() - 1
                            : req.value() + 1;
                    UnitRecord rec = UnitRecord.of(u, per).with(f.key(), n);
                    return thresholdCase(f, at, List.of(rec), 0, asOf, expected(req.operator(), at));
                });
    }

    private Arbitrary<ThresholdCase> deadlineCase(Catalogue.Fig f) {
        LocalDate deadline = ((Requirement.Deadline) f.required()).date();
        return Combinators.combine(unitFor(f), periodFor(f), Arbitraries.integers().between(0, 400),
                        Arbitraries.of(Placement.class))
                .as((u, per, later, at) -> {
                    LocalDate submitted = at == Placement.AT ? deadline
                            : at == Placement.JUST_BELOW ? deadline.minusDays(1) : deadline.plusDays(1);
                    UnitRecord rec = UnitRecord.of(u, per).with(f.key(), MetricValue.date(submitted));
                    return thresholdCase(f, at, List.of(rec), 0, submitted.plusDays(later),
                            at == Placement.JUST_BELOW ? Status.MET : Status.NOT_MET);
                });
    }

    private Arbitrary<ThresholdCase> trendCase(Catalogue.Fig f) {
        Arbitrary<long[]> previous = Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.longs().between(1, 1000)),
                        Tuple.of(1, Arbitraries.longs().between(1, MAX_COUNT)))
                .flatMap(b -> Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.just(b)),
                                Tuple.of(4, Arbitraries.longs().between(0, b)))
                        .flatMap(a -> Arbitraries.longs().between(1, MAX_COUNT / b).map(k -> new long[] {a, b, k})));
        return Combinators.combine(unitFor(f), periodFor(f), Arbitraries.integers().between(0, 400), previous,
                        asOfDates(), Arbitraries.of(Placement.class))
                .as((u, per, len, abk, asOf, wanted) -> {
                    long a = abk[0];
                    long b = abk[1];
                    long k = Math.min(abk[2], MAX_COUNT / b);
                    long d = b * k;
                    long t = a * k;
                    Placement at = wanted == Placement.JUST_BELOW && t < 1 ? Placement.AT
                            : wanted == Placement.JUST_ABOVE && t + 1 > d ? Placement.AT : wanted;
                    long n = at == Placement.AT ? t : at == Placement.JUST_BELOW ? t - 1 : t + 1;
                    LocalDate prevTo = per.from().minusDays(1);
                    Period prevPeriod = new Period(prevTo.minusDays(len), prevTo);
                    UnitRecord prev = UnitRecord.of(u, prevPeriod).with(f.denominator(), b).with(f.numerator(), a);
                    UnitRecord cur = UnitRecord.of(u, per).with(f.denominator(), d).with(f.numerator(), n);
                    Status expected = at == Placement.JUST_ABOVE || (at == Placement.AT && a == b) ? Status.MET
                            : Status.NOT_MET;
                    return thresholdCase(f, at, List.of(prev, cur), 1, asOf, expected);
                });
    }

    private ThresholdCase thresholdCase(Catalogue.Fig f, Placement at, List<UnitRecord> records, int subject,
            LocalDate asOf, Status expected) {
        return new ThresholdCase(f.target().id(), f.figure().rule(), f.required(), at, records, subject, asOf,
                expected, c.info.ref().id(), c.info.ref().version());
    }

    /** What a comparison of a measure with a figure gives for a value at, just below or just above it. */
    static Status expected(Operator op, Placement at) {
        // No default: a new comparator does not compile until the kit knows what it expects of it.
        return switch (op) {
            case GREATER_THAN -> at == Placement.JUST_ABOVE ? Status.MET : Status.NOT_MET;
            case AT_LEAST -> at == Placement.JUST_BELOW ? Status.NOT_MET : Status.MET;
            case EQUAL -> at == Placement.AT ? Status.MET : Status.NOT_MET;
            case BEFORE, DONE, RISES -> throw new IllegalArgumentException(
                    "operator " + op.symbol() + " does not compare a number with a figure");
        };
    }

    /** Units the figure addresses: one of its levels, and one of its target's roles if it has any. */
    private Arbitrary<Unit> unitFor(Catalogue.Fig f) {
        Set<Level> levels = new LinkedHashSet<>(f.figure().levels());
        levels.retainAll(f.target().levels());
        Set<String> needed = f.target().roles();
        List<Level> candidates = new ArrayList<>();
        for (Level l : levels) {
            if (needed.isEmpty() || c.rolesFor(l).stream().anyMatch(needed::contains)) {
                candidates.add(l);
            }
        }
        Arbitrary<Unit> inScope = Arbitraries.oneOf(candidates.stream().map(this::units).toList());
        if (needed.isEmpty()) {
            return inScope;
        }
        return Combinators.combine(inScope, Arbitraries.of(new ArrayList<>(needed))).as((u, r) -> {
            Set<String> roles = new LinkedHashSet<>(u.roles());
            roles.add(r);
            return new Unit(u.id(), u.name(), u.level(), roles);
        });
    }

    /** Periods that end inside the figure's window; one calendar month for a per-month measure. */
    private Arbitrary<Period> periodFor(Catalogue.Fig f) {
        Catalogue.Window w = f.window();
        LocalDate first = w.first();
        LocalDate last = w.last();
        if (f.perMonth()) {
            long months = ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1));
            return Arbitraries.longs().between(0, months).map(m -> {
                LocalDate start = first.withDayOfMonth(1).plusMonths(m);
                Period p = Period.month(start.getYear(), start.getMonthValue());
                return w.contains(p.to()) ? p : Period.month(start.plusMonths(1).getYear(), start.plusMonths(1).getMonthValue());
            });
        }
        Arbitrary<LocalDate> ends = Arbitraries.frequencyOf(Tuple.of(3, days(first, last)),
                Tuple.of(1, Arbitraries.of(first, last)));
        return Combinators.combine(ends, Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                        Tuple.of(3, Arbitraries.integers().between(0, 400))))
                .as((end, len) -> new Period(end.minusDays(len), end));
    }

    private static Arbitrary<LocalDate> days(LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return Arbitraries.longs().between(0, span).map(from::plusDays);
    }

    // ------------------------------------------------------------------ invalid records

    /**
     * Requests with one kind of bad record, of every kind the contract names, and sometimes a
     * valid record after it, which must still be evaluated.
     *
     * @return invalid requests with the errors they must give
     */
    public Arbitrary<InvalidRequest> invalidRequests() {
        return Arbitraries.oneOf(InvalidRecords.CODES.stream().map(this::invalidRequests).toList());
    }

    /**
     * Requests with one bad record of the given kind (two for
     * {@link ErrorCode#DUPLICATE_RECORD}, which is an error of both), and sometimes a valid
     * record after it.
     *
     * @param code the kind of problem
     * @return invalid requests with the errors they must give
     * @throws IllegalArgumentException when the rule set gives no way to make that problem
     *         (a role mismatch needs a role that some level may not hold)
     */
    public Arbitrary<InvalidRequest> invalidRequests(ErrorCode code) {
        return invalid.computeIfAbsent(code, k -> new InvalidRecords(c, this).of(k));
    }

    private final Map<ErrorCode, Arbitrary<InvalidRequest>> invalid = new java.util.concurrent.ConcurrentHashMap<>();
}
