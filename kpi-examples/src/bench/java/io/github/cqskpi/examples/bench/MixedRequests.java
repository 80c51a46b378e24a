package io.github.cqskpi.examples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * The hard case for the benchmark: every record a new unit, so nothing is shared between
 * records (no previous period, a unit table as large as the request). Periods are mixed (a
 * calendar year or a calendar month, ending 2021 to 2025), levels and roles are all present,
 * metrics are given or left out group by group, Decree 42's keys stand in for the level-3 and
 * level-4 keys in about half the periods that may use them, and about 3% of the records are
 * rejected (a part above its whole, an unknown key, a reversed period, a role at the wrong
 * level). Record {@code i} is always the same record.
 */
public final class MixedRequests {

    /** The evaluation date: after every period and every submission. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private static final LocalDate DECREE_42 = LocalDate.of(2022, 8, 15);

    private MixedRequests() {
    }

    /**
     * Writes a request of the first {@code n} records.
     *
     * @param n how many records
     * @param out where to write, UTF-8
     * @throws IOException when writing fails
     */
    public static void writeRequest(int n, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("{\"asOf\":\"" + AS_OF + "\",\"ruleSet\":\"dak-nong-2022\",\"records\":[\n");
        StringBuilder b = new StringBuilder(1024);
        for (int i = 0; i < n; i++) {
            b.setLength(0);
            if (i > 0) {
                b.append(",\n");
            }
            record(i, b);
            w.append(b);
        }
        w.write("\n]}\n");
        w.flush();
    }

    /** Appends record {@code i}. */
    static void record(int i, StringBuilder b) {
        SplittableRandom r = new SplittableRandom(0xB16_CA4DL * 31 + i);
        int fault = r.nextInt(100); // 0..2: one of the rejected kinds, 3: a role at the wrong level
        int l = r.nextInt(10);
        String level = l == 0 ? "PROVINCE" : l < 3 ? "DISTRICT" : "COMMUNE";
        String role = null;
        if (level.equals("PROVINCE")) {
            int k = r.nextInt(20);
            role = k < 2 ? "DIC" : k == 2 ? "NEWSPAPER" : k == 3 ? "BROADCASTER" : null;
        }
        if (fault == 3) {
            level = "DISTRICT";
            role = "DIC";
        }
        int year = 2021 + r.nextInt(5);
        LocalDate from;
        LocalDate to;
        if (r.nextInt(10) < 4) {
            from = LocalDate.of(year, 1, 1);
            to = LocalDate.of(year, 12, 31);
        } else {
            YearMonth m = YearMonth.of(year, 1 + r.nextInt(12));
            from = m.atDay(1);
            to = m.atEndOfMonth();
        }
        if (fault == 2) {
            LocalDate t = from;
            from = to;
            to = t;
        }
        b.append("{\"unit\":{\"id\":\"u-").append(i).append("\",\"name\":\"Đơn vị ").append(i)
                .append("\",\"level\":\"").append(level).append("\",\"roles\":[");
        if (role != null) {
            b.append('"').append(role).append('"');
        }
        b.append("]},\"period\":{\"from\":\"").append(from).append("\",\"to\":\"").append(to)
                .append("\"},\"metrics\":{");
        Metrics m = new Metrics(b);
        if (r.nextInt(10) < 8) {
            long docs = 200 + r.nextInt(2000);
            long electronic = r.nextInt(10) < 6 ? docs : docs - r.nextInt(5);
            m.count("documents.total", docs);
            m.count("documents.electronic", fault == 0 ? docs + 1 + r.nextInt(3) : electronic);
            m.count("documents.signed", r.nextInt(10) < 6 ? electronic : electronic - r.nextInt(5));
        }
        if (r.nextInt(10) < 8) {
            long eligible = 50 + r.nextInt(300);
            long level4 = r.nextInt(10) < 7 ? eligible : eligible - 1 - r.nextInt(10);
            m.count("procedures.eligible", eligible);
            m.count("procedures.level4", level4);
            m.count("procedures.nationalPortal", level4 * (50 + r.nextInt(21)) / 100);
        }
        if (r.nextInt(10) < 8) {
            long valid = r.nextInt(25) == 0 ? 0 : 100 + r.nextInt(900);
            m.count("results.valid", valid);
            m.count("results.digitized", valid * (30 + r.nextInt(71)) / 100);
        }
        if (r.nextInt(10) < 8) {
            m.count("dossiers.paperRequested", r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 0);
        }
        boolean decree42 = !to.isBefore(DECREE_42) && !from.isAfter(to) && r.nextBoolean();
        if (r.nextInt(10) < 8) {
            long l4 = 100 + r.nextInt(5000);
            m.count(decree42 ? "dossiers.fullProcess.total" : "dossiers.level4.total", l4);
            m.count(decree42 ? "dossiers.fullProcess.online" : "dossiers.level4.online", l4 * (35 + r.nextInt(60)) / 100);
        }
        if (r.nextInt(10) < 8) {
            long l3 = 100 + r.nextInt(5000);
            m.count(decree42 ? "dossiers.partial.total" : "dossiers.level3.total", l3);
            m.count(decree42 ? "dossiers.partial.online" : "dossiers.level3.online", l3 * (15 + r.nextInt(40)) / 100);
        }
        if (r.nextInt(10) < 7) {
            long responses = 50 + r.nextInt(500);
            m.count("satisfaction.responses", responses);
            m.count("satisfaction.satisfied", responses * (80 + r.nextInt(21)) / 100);
        }
        if (r.nextInt(10) < 8) {
            long payments = r.nextInt(30) == 0 ? 0 : 20 + r.nextInt(800);
            m.count("payments.total", payments);
            m.count("payments.online", payments * (10 + r.nextInt(80)) / 100);
        }
        if (r.nextInt(10) < 8) {
            long staff = 10 + r.nextInt(200);
            m.count("staff.total", staff);
            m.count("staff.withComputer", r.nextInt(10) < 7 ? staff : staff - 1 - r.nextInt(5));
        }
        if (r.nextInt(10) < 7) {
            m.day("reports.computers.submittedOn", day(r, year));
        }
        if ("DIC".equals(role)) {
            m.count("systems.required", 20);
            m.count("systems.connected", 15 + r.nextInt(6));
            m.day("reports.computersConsolidated.submittedOn", day(r, year));
            m.day("reports.sectorSystems.submittedOn", day(r, year));
            m.flag("milestones.reportingSystemUpgraded", r.nextBoolean());
            m.flag("milestones.dtPortalSection", r.nextBoolean());
        }
        if ("NEWSPAPER".equals(role) || "BROADCASTER".equals(role)) {
            m.count("media.dtColumnIssues", r.nextInt(5));
        }
        if (fault == 1) {
            m.count("documents.totl", 1);
        }
        b.append("}}");
    }

    /** A submission day in March of the year give or take, or not submitted. */
    private static LocalDate day(SplittableRandom r, int year) {
        int k = r.nextInt(8);
        return k == 0 ? null : LocalDate.of(year, 3, 1).plusDays(k * 5L - 10);
    }

    /** Appends the members of a record's {@code metrics}. */
    private static final class Metrics {
        private final StringBuilder b;
        private boolean first = true;

        Metrics(StringBuilder b) {
            this.b = b;
        }

        private StringBuilder key(String key) {
            b.append(first ? "\"" : ",\"").append(key).append("\":");
            first = false;
            return b;
        }

        void count(String key, long value) {
            key(key).append(value);
        }

        void day(String key, LocalDate day) {
            if (day == null) {
                key(key).append("null");
            } else {
                key(key).append('"').append(day).append('"');
            }
        }

        void flag(String key, boolean done) {
            key(key).append(done);
        }
    }
}
