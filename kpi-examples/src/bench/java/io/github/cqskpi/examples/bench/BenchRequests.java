package io.github.cqskpi.examples.bench;

import io.github.cqskpi.Level;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.Period;
import io.github.cqskpi.Unit;
import io.github.cqskpi.UnitRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's records: a province's units (departments, the DIC, the newspaper and the
 * broadcaster, districts, communes, in the proportions of Đắk Nông) each with thirteen records
 * (the year 2021, then every month of 2022) that give every metric, with figures around the
 * targets so that every status comes. Record {@code i} is always the same record.
 */
public final class BenchRequests {

    /** Records per unit. */
    public static final int PERIODS = 13;
    /** The evaluation date of every benchmark request. */
    public static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

    private BenchRequests() {
    }

    /**
     * The first {@code n} records.
     *
     * @param n how many
     * @return the records
     */
    public static List<UnitRecord> records(int n) {
        List<UnitRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(record(i));
        }
        return out;
    }

    /** Record {@code i}: unit {@code i / 13}, period {@code i % 13}. */
    static UnitRecord record(int i) {
        int u = i / PERIODS;
        int p = i % PERIODS;
        SplittableRandom r = new SplittableRandom(0x5EED_0000L + i);
        Unit unit = unit(u);
        Period period = p == 0 ? Period.year(2021) : Period.month(2022, p);
        Map<String, MetricValue> m = new LinkedHashMap<>();
        long docs = 200 + r.nextInt(2000);
        long electronic = r.nextInt(10) < 6 ? docs : docs - r.nextInt(5);
        long signed = r.nextInt(10) < 6 ? electronic : electronic - r.nextInt(5);
        put(m, "documents.total", docs);
        put(m, "documents.electronic", electronic);
        put(m, "documents.signed", signed);
        long eligible = 50 + r.nextInt(300);
        long level4 = r.nextInt(10) < 7 ? eligible : eligible - 1 - r.nextInt(10);
        put(m, "procedures.eligible", eligible);
        put(m, "procedures.level4", level4);
        put(m, "procedures.nationalPortal", level4 * (50 + r.nextInt(21)) / 100);
        long valid = r.nextInt(25) == 0 ? 0 : 100 + r.nextInt(900);
        put(m, "results.valid", valid);
        put(m, "results.digitized", valid * (30 + r.nextInt(30)) / 100);
        put(m, "dossiers.paperRequested", r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 0);
        boolean decree42 = p >= 9 && u % 2 == 0;
        long l4 = 100 + r.nextInt(5000);
        put(m, decree42 ? "dossiers.fullProcess.total" : "dossiers.level4.total", l4);
        put(m, decree42 ? "dossiers.fullProcess.online" : "dossiers.level4.online", l4 * (35 + r.nextInt(55)) / 100);
        long l3 = 100 + r.nextInt(5000);
        put(m, decree42 ? "dossiers.partial.total" : "dossiers.level3.total", l3);
        put(m, decree42 ? "dossiers.partial.online" : "dossiers.level3.online", l3 * (15 + r.nextInt(35)) / 100);
        if (r.nextInt(12) > 0) {
            long responses = 50 + r.nextInt(500);
            put(m, "satisfaction.responses", responses);
            put(m, "satisfaction.satisfied", responses * (85 + r.nextInt(16)) / 100);
        }
        long payments = r.nextInt(30) == 0 ? 0 : 20 + r.nextInt(800);
        put(m, "payments.total", payments);
        put(m, "payments.online", payments * (10 + p * 3 + r.nextInt(15)) / 100);
        long staff = 10 + r.nextInt(200);
        put(m, "staff.total", staff);
        put(m, "staff.withComputer", r.nextInt(10) < 7 ? staff : staff - 1 - r.nextInt(5));
        m.put("reports.computers.submittedOn", day(r));
        if (unit.roles().contains("DIC")) {
            put(m, "systems.required", 20);
            put(m, "systems.connected", 15 + r.nextInt(6));
            m.put("reports.computersConsolidated.submittedOn", day(r));
            m.put("reports.sectorSystems.submittedOn", day(r));
            m.put("milestones.reportingSystemUpgraded", MetricValue.flag(r.nextBoolean()));
            m.put("milestones.dtPortalSection", MetricValue.flag(r.nextBoolean()));
        }
        if (unit.roles().contains("NEWSPAPER") || unit.roles().contains("BROADCASTER")) {
            put(m, "media.dtColumnIssues", r.nextInt(5));
        }
        return new UnitRecord(unit, period, m);
    }

    private static MetricValue day(SplittableRandom r) {
        int k = r.nextInt(8);
        return k == 0 ? MetricValue.notSubmitted() : MetricValue.date(LocalDate.of(2022, 3, 1).plusDays(k * 5L - 10));
    }

    private static void put(Map<String, MetricValue> m, String key, long value) {
        m.put(key, MetricValue.count(value));
    }

    /** Of every 110 units: 1 DIC, 1 newspaper, 1 broadcaster, 20 departments, 8 districts, 79 communes. */
    static Unit unit(int u) {
        int k = u % 110;
        if (k == 0) {
            return named("so-tttt-" + u, "Sở Thông tin và Truyền thông " + u, Level.PROVINCE, java.util.Set.of("DIC"));
        } else if (k == 1) {
            return named("bao-" + u, "Báo Đắk Nông " + u, Level.PROVINCE, java.util.Set.of("NEWSPAPER"));
        } else if (k == 2) {
            return named("dai-" + u, "Đài Phát thanh và Truyền hình " + u, Level.PROVINCE,
                    java.util.Set.of("BROADCASTER"));
        } else if (k < 23) {
            return named("so-" + u, "Sở " + u, Level.PROVINCE, java.util.Set.of());
        } else if (k < 31) {
            return named("huyen-" + u, "UBND huyện " + u, Level.DISTRICT, java.util.Set.of());
        }
        return named("xa-" + u, "UBND xã " + u, Level.COMMUNE, java.util.Set.of());
    }

    private static Unit named(String id, String name, Level level, java.util.Set<String> roles) {
        return new Unit(id, java.util.Optional.of(name), level, roles);
    }

    /**
     * Writes a request of the first {@code n} records, the records generated as they are written.
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
            UnitRecord rec = record(i);
            Unit unit = rec.unit();
            b.append(i == 0 ? "" : ",\n").append("{\"unit\":{\"id\":\"").append(unit.id()).append("\",\"name\":\"")
                    .append(unit.name().orElseThrow()).append("\",\"level\":\"").append(unit.level()).append("\",\"roles\":[");
            boolean first = true;
            for (String role : unit.roles()) {
                b.append(first ? "\"" : ",\"").append(role).append('"');
                first = false;
            }
            b.append("]},\"period\":{\"from\":\"").append(rec.period().from()).append("\",\"to\":\"")
                    .append(rec.period().to()).append("\"},\"metrics\":{");
            first = true;
            for (Map.Entry<String, MetricValue> e : rec.metrics().entrySet()) {
                b.append(first ? "\"" : ",\"").append(e.getKey()).append("\":");
                first = false;
                MetricValue v = e.getValue();
                if (v instanceof MetricValue.Count c) {
                    b.append(c.value());
                } else if (v instanceof MetricValue.Day d) {
                    b.append(d.date().map(day -> "\"" + day + "\"").orElse("null"));
                } else if (v instanceof MetricValue.Flag f) {
                    b.append(f.done());
                }
            }
            b.append("}}");
            w.append(b);
        }
        w.write("\n]}\n");
        w.flush();
    }
}
