package io.github.cqskpi.examples.bench;

import io.github.cqskpi.Level;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Message;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Period;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Reason;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetResult;
import io.github.cqskpi.UnitRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The baseline: the measurable targets of dak-nong-2022 1.1.0 written as straightforward Java,
 * without the library: the same checks of the records, windows, levels and roles, order of
 * judgement and exact comparisons, and the same kind of result objects with their reasons and
 * messages. It covers what the benchmark's records hold (valid records, evaluated as of one
 * day); the benchmark checks that it gives the engine's statuses.
 */
public final class PlainJavaTargets {

    private static final LocalDate JAN_11 = LocalDate.of(2022, 1, 11);
    private static final LocalDate JAN_15 = LocalDate.of(2022, 1, 15);
    private static final LocalDate DECREE_42 = LocalDate.of(2022, 8, 15);
    private static final String[][] PARTS = {{"documents.electronic", "documents.total"},
        {"documents.signed", "documents.electronic"}, {"procedures.level4", "procedures.eligible"},
        {"procedures.nationalPortal", "procedures.level4"}, {"results.digitized", "results.valid"},
        {"dossiers.level4.online", "dossiers.level4.total"}, {"dossiers.level3.online", "dossiers.level3.total"},
        {"dossiers.fullProcess.online", "dossiers.fullProcess.total"},
        {"dossiers.partial.online", "dossiers.partial.total"}, {"satisfaction.satisfied", "satisfaction.responses"},
        {"payments.online", "payments.total"}, {"staff.withComputer", "staff.total"},
        {"systems.connected", "systems.required"}};

    private final Map<String, Message> titles;
    private final Map<String, String> clauses;

    /**
     * @param titles each target's title by ID
     * @param clauses each target's clause by ID
     */
    public PlainJavaTargets(Map<String, Message> titles, Map<String, String> clauses) {
        this.titles = titles;
        this.clauses = clauses;
    }

    /**
     * Evaluates the records, which must be valid, as of a day.
     *
     * @param records the records
     * @param asOf the evaluation date
     * @return the results, in record order then target order
     */
    public List<TargetResult> evaluate(List<UnitRecord> records, LocalDate asOf) {
        record Key(String unit, LocalDate from, LocalDate to) {
        }
        Map<Key, Integer> seen = new HashMap<>();
        Map<String, Map<LocalDate, List<UnitRecord>>> byEnd = new HashMap<>();
        for (UnitRecord r : records) {
            check(r, asOf);
            if (seen.merge(new Key(r.unit().id(), r.period().from(), r.period().to()), 1, Integer::sum) > 1) {
                throw new IllegalArgumentException("duplicate record " + r.unit().id());
            }
            byEnd.computeIfAbsent(r.unit().id(), k -> new HashMap<>())
                    .computeIfAbsent(r.period().to(), k -> new ArrayList<>(1)).add(r);
        }
        List<TargetResult> out = new ArrayList<>(records.size() * 13);
        for (int i = 0; i < records.size(); i++) {
            UnitRecord r = records.get(i);
            List<UnitRecord> previous = byEnd.get(r.unit().id()).getOrDefault(r.period().from().minusDays(1), List.of());
            judge(i, r, previous, asOf, out);
        }
        return out;
    }

    private static void check(UnitRecord r, LocalDate asOf) {
        if (r.period().from().isAfter(r.period().to())) {
            throw new IllegalArgumentException("period reversed");
        }
        for (String role : r.unit().roles()) {
            if (r.unit().level() != Level.PROVINCE) {
                throw new IllegalArgumentException("role " + role + " on a " + r.unit().level());
            }
        }
        Map<String, MetricValue> m = r.metrics();
        for (String[] pw : PARTS) {
            if (m.get(pw[0]) instanceof MetricValue.Count part && m.get(pw[1]) instanceof MetricValue.Count whole
                    && part.value() > whole.value()) {
                throw new IllegalArgumentException(pw[0] + " exceeds " + pw[1]);
            }
        }
        for (Map.Entry<String, MetricValue> e : m.entrySet()) {
            if (e.getValue() instanceof MetricValue.Count c && (c.value() < 0 || c.value() > 9_007_199_254_740_991L)) {
                throw new IllegalArgumentException(e.getKey() + " out of range");
            }
            if (e.getValue() instanceof MetricValue.Day d && d.date().filter(day -> day.isAfter(asOf)).isPresent()) {
                throw new IllegalArgumentException(e.getKey() + " after as of");
            }
            if (e.getKey().startsWith("dossiers.fullProcess") || e.getKey().startsWith("dossiers.partial")) {
                if (r.period().to().isBefore(DECREE_42)) {
                    throw new IllegalArgumentException(e.getKey() + " before Decree 42");
                }
            }
        }
    }

    private void judge(int index, UnitRecord r, List<UnitRecord> previous, LocalDate asOf, List<TargetResult> out) {
        Level level = r.unit().level();
        Set<String> roles = r.unit().roles();
        LocalDate end = r.period().to();
        int year = end.getYear();
        boolean fromJan11 = !end.isBefore(JAN_11);
        boolean dic = roles.contains("DIC");
        boolean decree42 = has(r, "dossiers.fullProcess.total") || has(r, "dossiers.fullProcess.online");
        boolean decree42l3 = has(r, "dossiers.partial.total") || has(r, "dossiers.partial.online");

        add(out, index, r, "DOC_ELECTRONIC", !end.isBefore(JAN_15)
                ? ratio(r, "documents.electronic", "documents.total", Operator.EQUAL, 100) : null);
        add(out, index, r, "DOC_SIGNED", !end.isBefore(JAN_15)
                ? ratio(r, "documents.signed", "documents.electronic", Operator.EQUAL, 100) : null);
        add(out, index, r, "PROC_LEVEL4", fromJan11
                ? ratio(r, "procedures.level4", "procedures.eligible", Operator.EQUAL, 100) : null);
        add(out, index, r, "PROC_NATIONAL_PORTAL", fromJan11
                ? ratio(r, "procedures.nationalPortal", "procedures.level4", Operator.GREATER_THAN, 60) : null);
        int digitization = year == 2022 ? (level == Level.PROVINCE ? 50 : level == Level.DISTRICT ? 40 : 35)
                : year == 2025 ? 100 : -1;
        add(out, index, r, "RESULT_DIGITIZATION", digitization < 0 ? null : ratio(r, "results.digitized",
                "results.valid", year == 2025 ? Operator.EQUAL : Operator.AT_LEAST, digitization));
        add(out, index, r, "NO_PAPER_RESUBMISSION", fromJan11
                ? count(r, "dossiers.paperRequested", Operator.EQUAL, 0, false) : null);
        int l4 = level == Level.PROVINCE ? 80 : level == Level.DISTRICT ? 60 : 40;
        add(out, index, r, "DOSSIER_ONLINE_L4", year == 2022 ? (decree42
                ? ratio(r, "dossiers.fullProcess.online", "dossiers.fullProcess.total", Operator.GREATER_THAN, l4)
                : ratio(r, "dossiers.level4.online", "dossiers.level4.total", Operator.GREATER_THAN, l4)) : null);
        int l3 = level == Level.PROVINCE ? 40 : level == Level.DISTRICT ? 30 : 20;
        add(out, index, r, "DOSSIER_ONLINE_L3", year == 2022 ? (decree42l3
                ? ratio(r, "dossiers.partial.online", "dossiers.partial.total", Operator.GREATER_THAN, l3)
                : ratio(r, "dossiers.level3.online", "dossiers.level3.total", Operator.GREATER_THAN, l3)) : null);
        add(out, index, r, "SATISFACTION", year == 2022
                ? ratio(r, "satisfaction.satisfied", "satisfaction.responses", Operator.AT_LEAST, 90) : null);
        add(out, index, r, "ONLINE_PAYMENT_TREND", year == 2022 ? trend(r, previous) : null);
        add(out, index, r, "STAFF_COMPUTERS", fromJan11
                ? ratio(r, "staff.withComputer", "staff.total", Operator.EQUAL, 100) : null);
        add(out, index, r, "COMPUTER_REPORT", year == 2022
                ? deadline(r, "reports.computers.submittedOn", LocalDate.of(2022, 3, 15), asOf) : null);
        if (dic && level == Level.PROVINCE) {
            add(out, index, r, "COMPUTER_REPORT_CONSOLIDATED", year == 2022
                    ? deadline(r, "reports.computersConsolidated.submittedOn", LocalDate.of(2022, 3, 31), asOf) : null);
            add(out, index, r, "SECTOR_SYSTEMS_CONNECTED", fromJan11
                    ? ratio(r, "systems.connected", "systems.required", Operator.EQUAL, 100) : null);
            add(out, index, r, "SECTOR_SYSTEMS_REPORT", year == 2022
                    ? deadline(r, "reports.sectorSystems.submittedOn", LocalDate.of(2022, 3, 31), asOf) : null);
            add(out, index, r, "REPORTING_SYSTEM_UPGRADE", fromJan11
                    ? flag(r, "milestones.reportingSystemUpgraded") : null);
            add(out, index, r, "DT_PORTAL_SECTION", fromJan11 ? flag(r, "milestones.dtPortalSection") : null);
        }
        if ((roles.contains("NEWSPAPER") || roles.contains("BROADCASTER")) && level == Level.PROVINCE) {
            add(out, index, r, "MEDIA_DT_COLUMN", fromJan11
                    ? count(r, "media.dtColumnIssues", Operator.AT_LEAST, 2, true) : null);
        }
    }

    /** A judged figure: status, what was measured, the figure, and a reason code or null. */
    private record Judged(Status status, Measurement actual, Requirement required, ReasonCode reason,
            List<String> keys) {
    }

    private static boolean has(UnitRecord r, String key) {
        return r.metrics().containsKey(key);
    }

    private static Long countOf(UnitRecord r, String key) {
        MetricValue v = r.metrics().get(key);
        return v == null ? null : ((MetricValue.Count) v).value();
    }

    private static Judged ratio(UnitRecord r, String num, String den, Operator op, int percent) {
        Requirement.Percent req = new Requirement.Percent(op, BigDecimal.valueOf(percent));
        Long n = countOf(r, num);
        Long d = countOf(r, den);
        if (n == null || d == null) {
            List<String> keys = new ArrayList<>(2);
            if (n == null) {
                keys.add(num);
            }
            if (d == null) {
                keys.add(den);
            }
            return new Judged(Status.INSUFFICIENT_DATA, null, req, ReasonCode.MISSING_KEYS, keys);
        }
        Measurement actual = new Measurement.OfRatio(new Ratio(n, d));
        if (d == 0) {
            return new Judged(Status.NOT_APPLICABLE, actual, req, ReasonCode.ZERO_DENOMINATOR, List.of());
        }
        int sign = Long.compare(n * 100, percent * d);
        boolean met = switch (op) {
            case GREATER_THAN -> sign > 0;
            case AT_LEAST -> sign >= 0;
            default -> sign == 0;
        };
        return new Judged(met ? Status.MET : Status.NOT_MET, actual, req, null, List.of());
    }

    private static Judged count(UnitRecord r, String key, Operator op, long value, boolean perMonth) {
        Requirement.Count req = new Requirement.Count(op, value);
        Long v = countOf(r, key);
        if (v == null) {
            return new Judged(Status.INSUFFICIENT_DATA, null, req, ReasonCode.MISSING_KEYS, List.of(key));
        }
        Measurement actual = new Measurement.OfCount(v);
        Period p = r.period();
        if (perMonth && !(p.from().getDayOfMonth() == 1 && p.to().equals(p.from().plusMonths(1).minusDays(1)))) {
            return new Judged(Status.INSUFFICIENT_DATA, actual, req, ReasonCode.NOT_ONE_CALENDAR_MONTH, List.of());
        }
        boolean met = op == Operator.EQUAL ? v == value : v >= value;
        return new Judged(met ? Status.MET : Status.NOT_MET, actual, req, null, List.of());
    }

    private static Judged deadline(UnitRecord r, String key, LocalDate due, LocalDate asOf) {
        Requirement.Deadline req = new Requirement.Deadline(due);
        MetricValue v = r.metrics().get(key);
        if (v == null) {
            return new Judged(Status.INSUFFICIENT_DATA, null, req, ReasonCode.MISSING_KEYS, List.of(key));
        }
        LocalDate on = ((MetricValue.Day) v).date().orElse(null);
        Measurement actual = new Measurement.OfDate(java.util.Optional.ofNullable(on));
        if (on == null) {
            return asOf.isBefore(due)
                    ? new Judged(Status.PENDING, actual, req, ReasonCode.NOT_YET_DUE, List.of())
                    : new Judged(Status.NOT_MET, actual, req, null, List.of());
        }
        return new Judged(on.isBefore(due) ? Status.MET : Status.NOT_MET, actual, req, null, List.of());
    }

    private static Judged flag(UnitRecord r, String key) {
        Requirement req = new Requirement.Done();
        MetricValue v = r.metrics().get(key);
        if (v == null) {
            return new Judged(Status.INSUFFICIENT_DATA, null, req, ReasonCode.MISSING_KEYS, List.of(key));
        }
        boolean done = ((MetricValue.Flag) v).done();
        return done ? new Judged(Status.MET, new Measurement.OfFlag(true), req, null, List.of())
                : new Judged(Status.PENDING, new Measurement.OfFlag(false), req, ReasonCode.NOT_YET_DONE, List.of());
    }

    private static Judged trend(UnitRecord r, List<UnitRecord> previous) {
        Requirement req = new Requirement.Rises();
        Long n = countOf(r, "payments.online");
        Long d = countOf(r, "payments.total");
        if (n == null || d == null) {
            List<String> keys = new ArrayList<>(2);
            if (n == null) {
                keys.add("payments.online");
            }
            if (d == null) {
                keys.add("payments.total");
            }
            return new Judged(Status.INSUFFICIENT_DATA, null, req, ReasonCode.MISSING_KEYS, keys);
        }
        Ratio now = new Ratio(n, d);
        if (d == 0) {
            return new Judged(Status.NOT_APPLICABLE, new Measurement.OfTrend(now, java.util.Optional.empty()), req,
                    ReasonCode.ZERO_DENOMINATOR, List.of());
        }
        Ratio before = null;
        if (previous.size() == 1) {
            Long pn = countOf(previous.get(0), "payments.online");
            Long pd = countOf(previous.get(0), "payments.total");
            if (pn != null && pd != null) {
                before = new Ratio(pn, pd);
            }
        }
        Measurement actual = new Measurement.OfTrend(now, java.util.Optional.ofNullable(before));
        if (before == null || before.denominator() == 0) {
            return new Judged(Status.INSUFFICIENT_DATA, actual, req, ReasonCode.NO_PREVIOUS_RECORD, List.of());
        }
        long a = n * before.denominator();
        long c = before.numerator() * d;
        boolean exact = Math.multiplyHigh(n, before.denominator()) == 0 && Math.multiplyHigh(before.numerator(), d) == 0;
        int sign = exact ? Long.compare(a, c)
                : new BigDecimal(n).multiply(new BigDecimal(before.denominator()))
                        .compareTo(new BigDecimal(before.numerator()).multiply(new BigDecimal(d)));
        boolean full = n.longValue() == d.longValue() && before.numerator() == before.denominator();
        return new Judged(sign > 0 || full ? Status.MET : Status.NOT_MET, actual, req, null, List.of());
    }

    private void add(List<TargetResult> out, int index, UnitRecord r, String target, Judged j) {
        if (j == null) {
            j = new Judged(Status.NOT_APPLICABLE, null, null, ReasonCode.OUTSIDE_WINDOW, List.of());
        }
        Reason reason = j.reason() == null ? null : new Reason(j.reason(), reasonText(target, j, r), j.keys());
        Message title = titles.get(target);
        String detailEn;
        String detailVi;
        if (reason == null || j.reason() == ReasonCode.NOT_YET_DUE || j.reason() == ReasonCode.NOT_YET_DONE) {
            detailEn = measured(j.actual(), false) + required(j.required(), false);
            detailVi = measured(j.actual(), true) + required(j.required(), true);
        } else {
            detailEn = reason.text();
            detailVi = "lý do: " + j.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        Message message = new Message(title.vi() + ": " + j.status().name() + " — " + detailVi,
                title.en() + ": " + j.status().name().toLowerCase(java.util.Locale.ROOT) + " — " + detailEn);
        out.add(new TargetResult(index, r.unit().id(), r.period(), target, clauses.get(target), j.status(),
                Optional.ofNullable(j.actual()), Optional.ofNullable(j.required()), Optional.ofNullable(reason),
                message));
    }

    private static String reasonText(String target, Judged j, UnitRecord r) {
        return switch (j.reason()) {
            case OUTSIDE_WINDOW -> "no figure of " + target + " is in force for a period ending " + r.period().to();
            case MISSING_KEYS -> "the record lacks " + String.join(" and ", j.keys());
            case ZERO_DENOMINATOR -> "the whole is 0: nothing to measure";
            case NO_PREVIOUS_RECORD -> "no single valid record of unit " + r.unit().id() + " ends on "
                    + r.period().from().minusDays(1);
            case NOT_ONE_CALENDAR_MONTH -> "the period " + r.period().from() + ".." + r.period().to()
                    + " is not one calendar month";
            case NOT_YET_DUE -> "not submitted yet; not yet due";
            case NOT_YET_DONE -> "not done yet";
        };
    }

    private static String measured(Measurement m, boolean vi) {
        if (m instanceof Measurement.OfRatio r) {
            return ratio(r.ratio(), vi);
        } else if (m instanceof Measurement.OfCount c) {
            return Long.toString(c.value());
        } else if (m instanceof Measurement.OfDate d) {
            return d.date().isEmpty() ? (vi ? "chưa nộp" : "not submitted") : (vi ? "nộp ngày " : "submitted on ") + d.date().get();
        } else if (m instanceof Measurement.OfFlag f) {
            return f.done() ? "done" : "not done";
        } else if (m instanceof Measurement.OfTrend t) {
            return "rate " + ratio(t.current(), vi) + " against " + ratio(t.previous().orElse(null), vi) + " before";
        }
        return "";
    }

    private static String ratio(Ratio r, boolean vi) {
        if (r == null) {
            return "none";
        }
        String p = r.percent().map(BigDecimal::toPlainString).orElse(null);
        return r.numerator() + (vi ? "/" : " of ") + r.denominator()
                + (p == null ? "" : " (" + (vi ? p.replace('.', ',') : p) + "%)");
    }

    private static String required(Requirement q, boolean vi) {
        if (q instanceof Requirement.Percent p) {
            return (vi ? "; yêu cầu " : "; required ") + p.operator().symbol() + " " + p.percent().toPlainString() + "%";
        } else if (q instanceof Requirement.Count c) {
            return (vi ? "; yêu cầu " : "; required ") + c.operator().symbol() + " " + c.value();
        } else if (q instanceof Requirement.Deadline d) {
            return "; due before " + d.date();
        }
        return "; required: " + q.operator().symbol();
    }
}
