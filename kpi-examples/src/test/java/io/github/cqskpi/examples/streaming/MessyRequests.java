package io.github.cqskpi.examples.streaming;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Requests with everything a streamed evaluation must get right: rejected records of every
 * kind, duplicates and previous periods given later in the request, several records ending the
 * same day, units with roles, monthly and yearly periods, values at the edges, text that JSON
 * must escape, and top-level fields before or after the records.
 */
final class MessyRequests {

    private static final String[] COUNTS = {"documents.total", "documents.electronic", "documents.signed",
        "procedures.eligible", "procedures.level4", "procedures.nationalPortal", "results.valid", "results.digitized",
        "dossiers.paperRequested", "dossiers.level4.total", "dossiers.level4.online", "dossiers.level3.total",
        "dossiers.level3.online", "satisfaction.responses", "satisfaction.satisfied", "payments.total",
        "payments.online", "staff.total", "staff.withComputer", "systems.required", "systems.connected",
        "media.dtColumnIssues"};
    private static final String[] DATES = {"reports.computers.submittedOn",
        "reports.computersConsolidated.submittedOn", "reports.sectorSystems.submittedOn"};
    private static final String[] FLAGS = {"milestones.reportingSystemUpgraded", "milestones.dtPortalSection"};
    private static final String[] LEVELS = {"PROVINCE", "DISTRICT", "COMMUNE"};

    private MessyRequests() {
    }

    /**
     * A request of about {@code n} records.
     *
     * @param seed the random seed
     * @param n how many records
     * @param topAfter whether asOf and ruleSet come after the records
     * @param version the rule set version to name, or null
     */
    static String request(long seed, int n, boolean topAfter, String version) {
        Random r = new Random(seed);
        List<String> records = new ArrayList<>();
        int units = Math.max(1, n / 4);
        for (int i = 0; i < n; i++) {
            records.add(record(r, "u-" + r.nextInt(units) + (r.nextInt(20) == 0 ? "\\\"q\\u00e9\\n/ỹ" : "")));
        }
        StringBuilder b = new StringBuilder();
        String top = "\"asOf\":\"2022-" + (r.nextBoolean() ? "12-31" : "06-30") + "\""
                + (version == null ? "" : ",\"ruleSet\":\"dak-nong-2022\",\"ruleSetVersion\":\"" + version + "\"");
        b.append('{');
        if (!topAfter) {
            b.append(top).append(',');
        }
        b.append("\"records\":[\n").append(String.join(",\n", records)).append("\n]");
        if (topAfter) {
            b.append(',').append(top);
        }
        return b.append("}\n").toString();
    }

    private static String record(Random r, String unit) {
        int kind = r.nextInt(40);
        if (kind == 0) {
            return "42";
        }
        if (kind == 1) {
            return "{\"unit\":{\"id\":\"" + unit + "\",\"level\":\"COMMUNE\"},\"metrics\":{}}";
        }
        String level = LEVELS[r.nextInt(3)];
        StringBuilder roles = new StringBuilder();
        if (level.equals("PROVINCE") && r.nextInt(3) == 0) {
            roles.append(",\"roles\":[\"").append(new String[] {"DIC", "NEWSPAPER", "BROADCASTER"}[r.nextInt(3)])
                    .append("\"]");
        } else if (r.nextInt(50) == 0) {
            roles.append(",\"roles\":[\"DIC\",\"NOPE\"]");
        }
        if (r.nextInt(60) == 0) {
            level = "CITY";
        }
        LocalDate from;
        LocalDate to;
        int p = r.nextInt(10);
        int year = 2021 + r.nextInt(5);
        if (p < 4) {
            from = LocalDate.of(year, 1, 1);
            to = LocalDate.of(year, 12, 31);
        } else if (p < 8) {
            from = LocalDate.of(2022, 1 + r.nextInt(12), 1);
            to = from.plusMonths(1).minusDays(1);
        } else if (p < 9) {
            from = LocalDate.of(2022, 1 + r.nextInt(12), 1 + r.nextInt(20));
            to = from.plusDays(r.nextInt(60));
        } else {
            from = LocalDate.of(2022, 6, 1);
            to = LocalDate.of(2022, 5, 1);
        }
        StringBuilder m = new StringBuilder();
        int keys = r.nextInt(7);
        for (int k = 0; k < keys; k++) {
            String key;
            String value;
            int which = r.nextInt(COUNTS.length + DATES.length + FLAGS.length);
            if (which < COUNTS.length) {
                key = COUNTS[which];
                value = count(r);
            } else if (which < COUNTS.length + DATES.length) {
                key = DATES[which - COUNTS.length];
                int d = r.nextInt(8);
                value = d == 0 ? "null" : d == 1 ? "\"2022-02-30\"" : "\"2022-" + two(1 + r.nextInt(12)) + "-"
                        + two(1 + r.nextInt(28)) + "\"";
            } else {
                key = FLAGS[which - COUNTS.length - DATES.length];
                value = r.nextInt(10) == 0 ? "1" : Boolean.toString(r.nextBoolean());
            }
            if (r.nextInt(80) == 0) {
                key = "dossiers.level5.total";
            }
            m.append(m.length() == 0 ? "" : ",").append('"').append(key).append("\":").append(value);
        }
        if (r.nextInt(3) > 0) {
            // A ratio that sits close to its figure, so that every comparator is exercised.
            long whole = 1 + r.nextInt(400);
            long part = Math.max(0, whole * (35 + r.nextInt(70)) / 100 + r.nextInt(3) - 1);
            if (r.nextInt(30) == 0) {
                whole = 0;
                part = 0;
            }
            String[][] pairs = {{"dossiers.level4.online", "dossiers.level4.total"},
                {"payments.online", "payments.total"}, {"results.digitized", "results.valid"},
                {"documents.electronic", "documents.total"}, {"satisfaction.satisfied", "satisfaction.responses"}};
            String[] pair = pairs[r.nextInt(pairs.length)];
            if (m.indexOf("\"" + pair[0] + "\"") < 0 && m.indexOf("\"" + pair[1] + "\"") < 0) {
                m.append(m.length() == 0 ? "" : ",").append('"').append(pair[0]).append("\":").append(part)
                        .append(",\"").append(pair[1]).append("\":").append(whole);
            }
        }
        String extra = r.nextInt(100) == 0 ? ",\"note\":1" : "";
        return "{\"unit\":{\"id\":\"" + unit + "\",\"name\":\"Xã " + unit + "\",\"level\":\"" + level + "\"" + roles
                + "},\"period\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"},\"metrics\":{" + m + "}" + extra
                + "}";
    }

    private static String count(Random r) {
        return switch (r.nextInt(30)) {
            case 0 -> "-1";
            case 1 -> "1.5";
            case 2 -> "\"7\"";
            case 3 -> "9007199254740991";
            case 4 -> "9007199254740992";
            case 5 -> "-0";
            case 6 -> "0";
            default -> Integer.toString(r.nextInt(1000));
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
