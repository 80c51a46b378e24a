package io.github.cqskpi.testkit;

import io.github.cqskpi.FigureInfo;
import io.github.cqskpi.Level;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the test kit reads from a rule set's public catalogue: the metric keys its measures
 * use (with their types and which key is the whole of which), the roles and the levels they
 * belong to, and each figure with its window. Nothing here is specific to one rule set.
 */
final class Catalogue {

    enum Kind { RATIO, COUNT, DATE, FLAG, TREND }

    /** When a figure is in force: the period ends on {@code from} or later, or ends in {@code year}. */
    record Window(LocalDate from, Integer year) {
        static Window parse(String words) {
            String w = words.trim();
            if (w.startsWith("from ")) {
                return new Window(LocalDate.parse(w.substring(5).trim()), null);
            }
            if (w.startsWith("year ")) {
                return new Window(null, Integer.parseInt(w.substring(5).trim()));
            }
            return null;
        }

        boolean contains(LocalDate end) {
            return from != null ? !end.isBefore(from) : end.getYear() == year;
        }

        /** The first day a period may end on to be inside the window. */
        LocalDate first() {
            return from != null ? from : LocalDate.of(year, 1, 1);
        }

        /** The last day a period may end on (a few years on for an open window). */
        LocalDate last() {
            return from != null ? from.plusYears(4) : LocalDate.of(year, 12, 31);
        }
    }

    /** One figure of one target, resolved. */
    record Fig(TargetInfo target, FigureInfo figure, Kind kind, String numerator, String denominator, String key,
            boolean perMonth, Window window) {

        Requirement required() {
            return figure.required();
        }

        /** The keys the measure needs. */
        List<String> keys() {
            return kind == Kind.RATIO || kind == Kind.TREND ? List.of(numerator, denominator) : List.of(key);
        }
    }

    final RuleSetInfo info;
    final List<Fig> figures = new ArrayList<>();
    /** Every key the measures use, wholes before their parts, with its kind of value. */
    final Map<String, Kind> keys = new LinkedHashMap<>();
    /** Part key to whole key. */
    final Map<String, String> wholeOf = new LinkedHashMap<>();
    /** Role to the levels that may hold it. */
    final Map<String, Set<Level>> roles = new LinkedHashMap<>();
    /** The percentages any figure sets on a part key, for values near thresholds. */
    final Map<String, Set<BigDecimal>> percentsOf = new LinkedHashMap<>();
    /** The deadlines any figure sets on a date key. */
    final Map<String, Set<LocalDate>> deadlinesOf = new LinkedHashMap<>();
    /** Days a period may end on to sit on a window's edge. */
    final Set<LocalDate> windowEdges = new TreeSet<>();

    Catalogue(RuleSetInfo info) {
        this.info = info;
        Map<String, Kind> unordered = new LinkedHashMap<>();
        for (TargetInfo t : info.targets()) {
            if (t.informational()) {
                continue;
            }
            for (String role : t.roles()) {
                roles.computeIfAbsent(role, r -> EnumSet.copyOf(t.levels())).retainAll(t.levels());
            }
            for (FigureInfo f : t.figures()) {
                Fig fig = resolve(t, f);
                figures.add(fig);
                if (fig.window() != null) {
                    LocalDate first = fig.window().first();
                    windowEdges.add(first.minusDays(1));
                    windowEdges.add(first);
                    if (fig.window().year() != null) {
                        windowEdges.add(fig.window().last());
                        windowEdges.add(fig.window().last().plusDays(1));
                    }
                }
                switch (fig.kind()) {
                    case RATIO, TREND -> {
                        unordered.put(fig.denominator(), Kind.COUNT);
                        unordered.put(fig.numerator(), Kind.COUNT);
                        wholeOf.put(fig.numerator(), fig.denominator());
                        if (f.required() instanceof Requirement.Percent p) {
                            percentsOf.computeIfAbsent(fig.numerator(), k -> new LinkedHashSet<>()).add(p.percent());
                        }
                    }
                    case COUNT -> unordered.put(fig.key(), Kind.COUNT);
                    case DATE -> {
                        unordered.put(fig.key(), Kind.DATE);
                        deadlinesOf.computeIfAbsent(fig.key(), k -> new TreeSet<>())
                                .add(((Requirement.Deadline) f.required()).date());
                    }
                    case FLAG -> unordered.put(fig.key(), Kind.FLAG);
                    default -> throw new IllegalStateException("the kit places no keys for a " + fig.kind());
                }
            }
        }
        // Wholes before parts: a key goes in once its whole (if any) is in.
        while (keys.size() < unordered.size()) {
            for (Map.Entry<String, Kind> e : unordered.entrySet()) {
                String whole = wholeOf.get(e.getKey());
                if (!keys.containsKey(e.getKey()) && (whole == null || keys.containsKey(whole))) {
                    keys.put(e.getKey(), e.getValue());
                }
            }
        }
    }

    private static Fig resolve(TargetInfo t, FigureInfo f) {
        Requirement r = f.required();
        String m = t.measure();
        Window w = Window.parse(f.window());
        // The figure tells the measure's kind; a new kind of figure does not compile until it is placed here.
        Kind kind = r.accept(new Requirement.Visitor<Kind>() {
            public Kind percent(Requirement.Percent p) {
                return Kind.RATIO;
            }

            public Kind count(Requirement.Count c) {
                return Kind.COUNT;
            }

            public Kind deadline(Requirement.Deadline d) {
                return Kind.DATE;
            }

            public Kind done(Requirement.Done d) {
                return Kind.FLAG;
            }

            public Kind rises(Requirement.Rises r) {
                return Kind.TREND;
            }
        });
        if (kind == Kind.RATIO || kind == Kind.TREND) {
            return new Fig(t, f, kind, t.keys().get(0), t.keys().get(1), null, false, w);
        }
        boolean perMonth = m.endsWith(" per calendar month");
        return new Fig(t, f, kind, null, null, t.keys().get(0), perMonth, w);
    }

    /** The roles a unit of this level may hold. */
    List<String> rolesFor(Level level) {
        List<String> out = new ArrayList<>();
        roles.forEach((r, levels) -> {
            if (levels.contains(level)) {
                out.add(r);
            }
        });
        return out;
    }
}
