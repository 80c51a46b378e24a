package io.github.cqskpi.testkit;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Status;
import io.github.cqskpi.UnitRecord;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plain-Java reading of {@code docs/TARGETS.md} for dak-nong-2022 1.0.0, written from the
 * page alone for tests: it shares no code with the engine and never calls its internals. Its
 * results are what the Drools rules must give.
 *
 * <p>It reads requests that the contract accepts (every record valid, as the kit's
 * {@link KpiArbitraries#requests()} makes them); validation is not its business.
 */
public final class ReferenceReading {

    /**
     * What the page asks for one record and one target.
     *
     * @param record the record's index in the request
     * @param unitId the record's unit
     * @param period the record's period
     * @param target the target's ID
     * @param status the status
     * @param reason the reason's code for a status other than MET and NOT_MET
     * @param missingKeys the absent keys the measure needs, for {@link ReasonCode#MISSING_KEYS}
     */
    public record Expectation(int record, String unitId, Period period, String target, Status status,
            Optional<ReasonCode> reason, Set<String> missingKeys) {
    }

    private enum Op { GT, GE, EQ }

    private static final LocalDate JAN_11 = LocalDate.of(2022, 1, 11);
    private static final LocalDate JAN_15 = LocalDate.of(2022, 1, 15);

    private ReferenceReading() {
    }

    /**
     * Reads a valid request as TARGETS.md does: records in order, and for each the targets in
     * scope in the page's order, each judged in the page's order of judgement.
     *
     * @param request a request whose records the contract accepts; it must give {@code asOf}
     * @return one expectation per record and target in scope
     */
    public static List<Expectation> read(EvaluationRequest request) {
        LocalDate asOf = request.asOf().orElseThrow(() -> new IllegalArgumentException("the reading needs asOf"));
        List<UnitRecord> records = request.records();
        List<Expectation> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            UnitRecord r = records.get(i);
            Reader rd = new Reader(i, r, records, asOf, out);
            rd.all();
        }
        return out;
    }

    /** One record's judgement, target by target in the page's order. */
    private static final class Reader {
        private final int index;
        private final UnitRecord r;
        private final List<UnitRecord> all;
        private final LocalDate asOf;
        private final List<Expectation> out;
        private final LocalDate end;
        private final Level level;
        private final Set<String> roles;

        Reader(int index, UnitRecord r, List<UnitRecord> all, LocalDate asOf, List<Expectation> out) {
            this.index = index;
            this.r = r;
            this.all = all;
            this.asOf = asOf;
            this.out = out;
            this.end = r.period().to();
            this.level = r.unit().level();
            this.roles = r.unit().roles();
        }

        void all() {
            boolean from15 = !end.isBefore(JAN_15);
            boolean from11 = !end.isBefore(JAN_11);
            boolean in2022 = end.getYear() == 2022;
            boolean dic = roles.contains("DIC");
            boolean press = roles.contains("NEWSPAPER") || roles.contains("BROADCASTER");

            ratio("DOC_ELECTRONIC", from15, "documents.electronic", "documents.total", Op.EQ, 100);
            ratio("DOC_SIGNED", from15, "documents.signed", "documents.electronic", Op.EQ, 100);
            ratio("PROC_LEVEL4", from11, "procedures.level4", "procedures.eligible", Op.EQ, 100);
            ratio("PROC_NATIONAL_PORTAL", from11, "procedures.nationalPortal", "procedures.level4", Op.GT, 60);
            if (in2022) {
                int p = level == Level.PROVINCE ? 50 : level == Level.DISTRICT ? 40 : 35;
                ratio("RESULT_DIGITIZATION", true, "results.digitized", "results.valid", Op.GE, p);
            } else {
                ratio("RESULT_DIGITIZATION", end.getYear() == 2025, "results.digitized", "results.valid", Op.EQ, 100);
            }
            count("NO_PAPER_RESUBMISSION", from11, "dossiers.paperRequested", Op.EQ, 0, false);
            ratio("DOSSIER_ONLINE_L4", in2022, "dossiers.level4.online", "dossiers.level4.total", Op.GT,
                    level == Level.PROVINCE ? 80 : level == Level.DISTRICT ? 60 : 40);
            ratio("DOSSIER_ONLINE_L3", in2022, "dossiers.level3.online", "dossiers.level3.total", Op.GT,
                    level == Level.PROVINCE ? 40 : level == Level.DISTRICT ? 30 : 20);
            ratio("SATISFACTION", in2022, "satisfaction.satisfied", "satisfaction.responses", Op.GE, 90);
            trend("ONLINE_PAYMENT_TREND", in2022);
            ratio("STAFF_COMPUTERS", from11, "staff.withComputer", "staff.total", Op.EQ, 100);
            deadline("COMPUTER_REPORT", in2022, "reports.computers.submittedOn", LocalDate.of(2022, 3, 15));
            if (dic) {
                deadline("COMPUTER_REPORT_CONSOLIDATED", in2022, "reports.computersConsolidated.submittedOn",
                        LocalDate.of(2022, 3, 31));
                ratio("SECTOR_SYSTEMS_CONNECTED", from11, "systems.connected", "systems.required", Op.EQ, 100);
                deadline("SECTOR_SYSTEMS_REPORT", in2022, "reports.sectorSystems.submittedOn", LocalDate.of(2022, 3, 31));
                milestone("REPORTING_SYSTEM_UPGRADE", from11, "milestones.reportingSystemUpgraded");
                milestone("DT_PORTAL_SECTION", from11, "milestones.dtPortalSection");
            }
            if (press) {
                count("MEDIA_DT_COLUMN", from11, "media.dtColumnIssues", Op.GE, 2, true);
            }
        }

        private void put(String target, Status status, ReasonCode reason, Set<String> missing) {
            out.add(new Expectation(index, r.unit().id(), r.period(), target, status, Optional.ofNullable(reason),
                    missing));
        }

        private void verdict(String target, boolean met) {
            put(target, met ? Status.MET : Status.NOT_MET, null, Set.of());
        }

        /** Steps one and two of the order of judgement; true when the target is decided. */
        private boolean outsideOrMissing(String target, boolean inWindow, String... keys) {
            if (!inWindow) {
                put(target, Status.NOT_APPLICABLE, ReasonCode.OUTSIDE_WINDOW, Set.of());
                return true;
            }
            Set<String> missing = new TreeSet<>();
            for (String k : keys) {
                if (!r.metrics().containsKey(k)) {
                    missing.add(k);
                }
            }
            if (!missing.isEmpty()) {
                put(target, Status.INSUFFICIENT_DATA, ReasonCode.MISSING_KEYS, missing);
                return true;
            }
            return false;
        }

        private long n(String key) {
            return ((MetricValue.Count) r.metrics().get(key)).value();
        }

        private void ratio(String target, boolean inWindow, String part, String whole, Op op, int percent) {
            if (outsideOrMissing(target, inWindow, part, whole)) {
                return;
            }
            long p = n(part);
            long w = n(whole);
            if (w == 0) {
                put(target, Status.NOT_APPLICABLE, ReasonCode.ZERO_DENOMINATOR, Set.of());
                return;
            }
            // p / w against percent / 100, on whole numbers: 100 p against percent w.
            int sign = BigInteger.valueOf(p).multiply(BigInteger.valueOf(100))
                    .compareTo(BigInteger.valueOf(percent).multiply(BigInteger.valueOf(w)));
            verdict(target, holds(op, sign));
        }

        private static boolean holds(Op op, int sign) {
            return switch (op) {
                case GT -> sign > 0;
                case GE -> sign >= 0;
                case EQ -> sign == 0;
            };
        }

        private void count(String target, boolean inWindow, String key, Op op, long value, boolean perMonth) {
            if (outsideOrMissing(target, inWindow, key)) {
                return;
            }
            if (perMonth && !oneCalendarMonth(r.period())) {
                put(target, Status.INSUFFICIENT_DATA, ReasonCode.NOT_ONE_CALENDAR_MONTH, Set.of());
                return;
            }
            verdict(target, holds(op, Long.compare(n(key), value)));
        }

        private static boolean oneCalendarMonth(Period p) {
            LocalDate first = p.from();
            return first.getDayOfMonth() == 1 && p.to().equals(first.plusMonths(1).minusDays(1));
        }

        private void deadline(String target, boolean inWindow, String key, LocalDate deadline) {
            if (outsideOrMissing(target, inWindow, key)) {
                return;
            }
            LocalDate submitted = ((MetricValue.Day) r.metrics().get(key)).date().orElse(null);
            if (submitted == null) {
                if (asOf.isBefore(deadline)) {
                    put(target, Status.PENDING, ReasonCode.NOT_YET_DUE, Set.of());
                } else {
                    verdict(target, false);
                }
                return;
            }
            verdict(target, submitted.isBefore(deadline));
        }

        private void milestone(String target, boolean inWindow, String key) {
            if (outsideOrMissing(target, inWindow, key)) {
                return;
            }
            if (((MetricValue.Flag) r.metrics().get(key)).done()) {
                verdict(target, true);
            } else {
                put(target, Status.PENDING, ReasonCode.NOT_YET_DONE, Set.of());
            }
        }

        /** Reading 7. */
        private void trend(String target, boolean inWindow) {
            String part = "payments.online";
            String whole = "payments.total";
            if (outsideOrMissing(target, inWindow, part, whole)) {
                return;
            }
            long p = n(part);
            long w = n(whole);
            if (w == 0) {
                put(target, Status.NOT_APPLICABLE, ReasonCode.ZERO_DENOMINATOR, Set.of());
                return;
            }
            List<UnitRecord> previous = new ArrayList<>();
            for (UnitRecord o : all) {
                if (o.unit().id().equals(r.unit().id()) && o.period().to().plusDays(1).equals(r.period().from())) {
                    previous.add(o);
                }
            }
            if (previous.size() != 1) {
                put(target, Status.INSUFFICIENT_DATA, ReasonCode.NO_PREVIOUS_RECORD, Set.of());
                return;
            }
            Map<String, MetricValue> prev = previous.get(0).metrics();
            if (!prev.containsKey(part) || !prev.containsKey(whole)
                    || ((MetricValue.Count) prev.get(whole)).value() == 0) {
                put(target, Status.INSUFFICIENT_DATA, ReasonCode.NO_PREVIOUS_RECORD, Set.of());
                return;
            }
            long pp = ((MetricValue.Count) prev.get(part)).value();
            long pw = ((MetricValue.Count) prev.get(whole)).value();
            // p / w > pp / pw  ⇔  p·pw > pp·w, both wholes positive.
            boolean rises = BigInteger.valueOf(p).multiply(BigInteger.valueOf(pw))
                    .compareTo(BigInteger.valueOf(pp).multiply(BigInteger.valueOf(w))) > 0;
            boolean stayedFull = p == w && pp == pw;
            verdict(target, rises || stayedFull);
        }
    }
}
