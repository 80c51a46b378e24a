package io.github.cqskpi.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end baseline: dak-nong-2022 1.1.0 as a hand-written program that reads the
 * contract's JSON request with Jackson's streaming parser and writes the contract's JSON
 * response as pre-encoded UTF-8, roll-ups included, in two passes over the file as the engine
 * makes them (the first finds duplicates and previous periods, the second judges and writes).
 * It uses Jackson and the JDK only, none of the library, so that its cold start is a plain
 * Java program's. Its figures, windows and checks are the rule set's, written out by hand; it
 * knows the checks the benchmark's data sets need (every kind of rejection they hold, and the
 * common others), and the benchmark checks that its counts are the engine's.
 *
 * <pre>
 * java -cp ... PlainJavaEndToEnd REQUEST.json      # the response on standard output
 * </pre>
 */
public final class PlainJavaEndToEnd {

    // ------------------------------------------------------------------------------ vocabulary

    static final String[] KEYS = {"documents.total", "documents.electronic", "documents.signed",
        "procedures.eligible", "procedures.level4", "procedures.nationalPortal", "results.valid", "results.digitized",
        "dossiers.paperRequested", "dossiers.level4.total", "dossiers.level4.online", "dossiers.level3.total",
        "dossiers.level3.online", "satisfaction.responses", "satisfaction.satisfied", "payments.total",
        "payments.online", "staff.total", "staff.withComputer", "systems.required", "systems.connected",
        "media.dtColumnIssues", "reports.computers.submittedOn", "reports.computersConsolidated.submittedOn",
        "reports.sectorSystems.submittedOn", "milestones.reportingSystemUpgraded", "milestones.dtPortalSection",
        "dossiers.fullProcess.total", "dossiers.fullProcess.online", "dossiers.partial.total",
        "dossiers.partial.online"};
    static final int DOC_TOTAL = 0, DOC_EL = 1, DOC_SIGNED = 2, PROC_EL = 3, PROC_L4 = 4, PROC_NP = 5, RES_VALID = 6,
            RES_DIG = 7, PAPER = 8, L4_TOTAL = 9, L4_ONLINE = 10, L3_TOTAL = 11, L3_ONLINE = 12, SAT_RESP = 13,
            SAT_OK = 14, PAY_TOTAL = 15, PAY_ONLINE = 16, STAFF = 17, STAFF_PC = 18, SYS_REQ = 19, SYS_CONN = 20,
            MEDIA = 21, REP_PC = 22, REP_PC_CONS = 23, REP_SECTOR = 24, MS_UPGRADE = 25, MS_PORTAL = 26,
            FP_TOTAL = 27, FP_ONLINE = 28, PA_TOTAL = 29, PA_ONLINE = 30;
    static final int N = KEYS.length;
    /** 0 count, 1 date, 2 flag. */
    static final byte[] TYPE = new byte[N];
    static final int[] WHOLE = new int[N];
    /** The key each Decree 42 key replaces, or -1. */
    static final int[] REPLACES = new int[N];
    static final Map<String, Integer> INDEX = new HashMap<>(256);
    static final long MAX_COUNT = 9_007_199_254_740_991L;
    static final int DECREE_42 = (int) LocalDate.of(2022, 8, 15).toEpochDay();
    static final int JAN_11 = (int) LocalDate.of(2022, 1, 11).toEpochDay();
    static final int JAN_15 = (int) LocalDate.of(2022, 1, 15).toEpochDay();
    static final long NOT_SUBMITTED = Long.MIN_VALUE;

    static {
        Arrays.fill(WHOLE, -1);
        Arrays.fill(REPLACES, -1);
        for (int i = 0; i < N; i++) {
            INDEX.put(KEYS[i], i);
        }
        for (int k : new int[] {REP_PC, REP_PC_CONS, REP_SECTOR}) {
            TYPE[k] = 1;
        }
        TYPE[MS_UPGRADE] = 2;
        TYPE[MS_PORTAL] = 2;
        int[][] wholes = {{DOC_EL, DOC_TOTAL}, {DOC_SIGNED, DOC_EL}, {PROC_L4, PROC_EL}, {PROC_NP, PROC_L4},
            {RES_DIG, RES_VALID}, {L4_ONLINE, L4_TOTAL}, {L3_ONLINE, L3_TOTAL}, {SAT_OK, SAT_RESP},
            {PAY_ONLINE, PAY_TOTAL}, {STAFF_PC, STAFF}, {SYS_CONN, SYS_REQ}, {FP_ONLINE, FP_TOTAL},
            {PA_ONLINE, PA_TOTAL}};
        for (int[] w : wholes) {
            WHOLE[w[0]] = w[1];
        }
        REPLACES[FP_TOTAL] = L4_TOTAL;
        REPLACES[FP_ONLINE] = L4_ONLINE;
        REPLACES[PA_TOTAL] = L3_TOTAL;
        REPLACES[PA_ONLINE] = L3_ONLINE;
    }

    static final String[] LEVELS = {"PROVINCE", "DISTRICT", "COMMUNE"};
    static final String[] ROLES = {"DIC", "NEWSPAPER", "BROADCASTER"};
    static final String[] STATUS = {"MET", "NOT_MET", "PENDING", "NOT_APPLICABLE", "INSUFFICIENT_DATA"};
    static final int MET = 0, NOT_MET = 1, PENDING = 2, NOT_APPLICABLE = 3, INSUFFICIENT = 4;
    static final String[] STATUS_EN = {"met", "not met", "pending", "not applicable", "insufficient data"};
    static final String[] STATUS_VI = {"đạt", "không đạt", "đang chờ", "không áp dụng", "thiếu dữ liệu"};

    // --------------------------------------------------------------------------------- targets

    /** A target of the rule set: id, clause, titles, the role it needs (bit) or 0. */
    record Target(String id, String clause, String vi, String en, int role) {
    }

    static final Target[] TARGETS = {
        new Target("DOC_ELECTRONIC", "1 ¶1", "Văn bản gửi, nhận dạng điện tử", "Documents sent and received electronically", 0),
        new Target("DOC_SIGNED", "1 ¶1", "Văn bản điện tử được ký số", "Electronic documents digitally signed", 0),
        new Target("PROC_LEVEL4", "1 ¶2", "Thủ tục đủ điều kiện cung cấp trực tuyến mức độ 4", "Eligible procedures online at level 4", 0),
        new Target("PROC_NATIONAL_PORTAL", "1 ¶2", "Dịch vụ mức độ 4 tích hợp lên Cổng Dịch vụ công Quốc gia", "Level-4 services integrated with the National Public Service Portal", 0),
        new Target("RESULT_DIGITIZATION", "1 ¶3", "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", "Digitization of procedure results still in force", 0),
        new Target("NO_PAPER_RESUBMISSION", "1 ¶4", "Không yêu cầu nộp bổ sung hồ sơ giấy", "No paper demanded for signed online dossiers", 0),
        new Target("DOSSIER_ONLINE_L4", "1 ¶5", "Hồ sơ trực tuyến dịch vụ công mức độ 4", "Online share of level-4 dossiers", 0),
        new Target("DOSSIER_ONLINE_L3", "1 ¶5", "Hồ sơ trực tuyến dịch vụ công mức độ 3", "Online share of level-3 dossiers", 0),
        new Target("SATISFACTION", "1 ¶5", "Người dân, doanh nghiệp hài lòng", "Citizens and businesses satisfied", 0),
        new Target("ONLINE_PAYMENT_TREND", "1 ¶5", "Tỷ lệ thanh toán trực tuyến tiếp tục tăng", "Online cashless payment rate keeps rising", 0),
        new Target("STAFF_COMPUTERS", "1 ¶6", "Cán bộ, công chức, viên chức có máy vi tính làm việc", "Staff with a working computer", 0),
        new Target("COMPUTER_REPORT", "1 ¶6", "Báo cáo rà soát máy vi tính", "Report on computers", 0),
        new Target("COMPUTER_REPORT_CONSOLIDATED", "1 ¶6", "Báo cáo tổng hợp về máy vi tính", "Consolidated report on computers", 1),
        new Target("SECTOR_SYSTEMS_CONNECTED", "2 ¶1", "Hệ thống thông tin chuyên ngành kết nối với Cổng dịch vụ công tỉnh", "Sector systems connected to the provincial service portal", 1),
        new Target("SECTOR_SYSTEMS_REPORT", "2 ¶1", "Báo cáo kết nối hệ thống chuyên ngành", "Report on sector system connections", 1),
        new Target("REPORTING_SYSTEM_UPGRADE", "2 ¶1", "Nâng cấp thành Hệ thống thông tin báo cáo của tỉnh", "Upgrade to the provincial reporting system", 1),
        new Target("DT_PORTAL_SECTION", "2 ¶2", "Chuyên mục Chuyển đổi số trên Cổng thông tin điện tử tỉnh", "Digital transformation section on the provincial portal", 1),
        new Target("MEDIA_DT_COLUMN", "7", "Chuyên mục Chuyển đổi số trên báo, đài", "Digital transformation column in the press", 6),
    };

    /** Pre-encoded pieces: per target and status, the bytes from the target to "actual":. */
    private static final byte[][][] HEAD = new byte[TARGETS.length][5][];
    /** Per target and status, the message's opening up to the detail, Vietnamese and English. */
    private static final byte[][][] MSG_VI = new byte[TARGETS.length][5][];
    private static final byte[][][] MSG_EN = new byte[TARGETS.length][5][];

    static {
        for (int t = 0; t < TARGETS.length; t++) {
            for (int s = 0; s < 5; s++) {
                HEAD[t][s] = utf8(",\"target\":\"" + TARGETS[t].id + "\",\"clause\":\"" + TARGETS[t].clause
                        + "\",\"status\":\"" + STATUS[s] + "\",\"actual\":");
                MSG_VI[t][s] = utf8(",\"message\":{\"vi\":\"" + TARGETS[t].vi + ": " + STATUS_VI[s] + " — ");
                MSG_EN[t][s] = utf8("\",\"en\":\"" + TARGETS[t].en + ": " + STATUS_EN[s] + " — ");
            }
        }
    }

    private static final byte[] RECORD = utf8("{\"record\":");
    private static final byte[] UNIT_ID = utf8(",\"unitId\":");
    private static final byte[] PERIOD_FROM = utf8(",\"period\":{\"from\":\"");
    private static final byte[] PERIOD_TO = utf8("\",\"to\":\"");
    private static final byte[] PERIOD_END = utf8("\"}");
    private static final byte[] REQUIRED = utf8(",\"required\":");
    private static final byte[] REASON = utf8(",\"reason\":");
    private static final byte[] NULL = utf8("null");
    private static final byte[] RESULT_END = utf8("\"}}");
    private static final byte[] NUMERATOR = utf8("{\"numerator\":");
    private static final byte[] DENOMINATOR = utf8(",\"denominator\":");
    private static final byte[] PERCENT = utf8(",\"percent\":");
    private static final byte[] WORDS_REQUIRED_VI = utf8("; yêu cầu ");
    private static final byte[] WORDS_REQUIRED_EN = utf8("; required ");

    // ------------------------------------------------------------------------------ the request

    private final JsonFactory json = new JsonFactory();
    private LocalDate asOf;
    private int asOfDay;

    /** What the first pass keeps of a unit: per record, {from << 32 | to, index << 2 | flags, online, total}. */
    private final HashMap<String, long[]> units = new HashMap<>();
    private static final long VALID = 1;
    private static final long DUPLICATE = 2;

    /** What one record holds, reused from record to record. */
    static final class Rec {
        int index;
        String unitId;
        int level = -1;
        int roles;
        List<String> roleNames = new ArrayList<>(2);
        int from = Integer.MIN_VALUE;
        int to = Integer.MIN_VALUE;
        final long[] values = new long[N];
        int present;
        final List<String[]> errors = new ArrayList<>(4);
        /** Keys of the record not in the vocabulary, or wrongly typed, kept for their errors. */

        void reset(int i) {
            index = i;
            unitId = null;
            level = -1;
            roles = 0;
            roleNames.clear();
            from = Integer.MIN_VALUE;
            to = Integer.MIN_VALUE;
            present = 0;
            errors.clear();
        }

        boolean has(int k) {
            return (present & (1 << k)) != 0;
        }

        void error(String path, String code, String message) {
            errors.add(new String[] {"/records/" + index + path, code, message});
        }
    }

    /**
     * Evaluates a request file and writes the response.
     *
     * @param request the request, UTF-8 JSON
     * @param out where the response goes
     * @return the counts: records, evaluated, rejected, then the five statuses
     * @throws IOException when reading or writing fails
     */
    public long[] run(Path request, OutputStream out) throws IOException {
        units.clear();
        Rec rec = new Rec();
        // Pass 1: the units' periods, for duplicates and previous periods.
        int records = pass(request, rec, null);
        // Pass 2: judge and write.
        Writer w = new Writer(out);
        w.raw(utf8("{\"ruleSet\":{\"id\":\"dak-nong-2022\",\"version\":\"1.1.0\",\"sha256\":\"plain-java\"},\n\"asOf\":\""
                + asOf + "\",\n\"results\":[\n"));
        Rollup rollup = new Rollup();
        Second second = new Second(w, rollup);
        pass(request, rec, second);
        w.raw(utf8("\n],\n\"errors\":["));
        for (int i = 0; i < second.errors.size(); i++) {
            w.raw(i == 0 ? utf8("\n") : utf8(",\n"));
            w.raw(second.errors.get(i));
        }
        w.raw(utf8("\n],\n\"summary\":"));
        long rejected = second.rejected;
        rollup.write(w, records, records - rejected, rejected);
        w.raw(utf8("}\n"));
        w.flush();
        long[] counts = new long[8];
        counts[0] = records;
        counts[1] = records - rejected;
        counts[2] = rejected;
        System.arraycopy(rollup.byStatus, 0, counts, 3, 5);
        return counts;
    }

    /** Reads every record; with {@code second} null, indexes them, otherwise judges and writes them. */
    private int pass(Path request, Rec rec, Second second) throws IOException {
        int count = 0;
        try (InputStream in = Files.newInputStream(request); JsonParser p = json.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "asOf" -> {
                        asOf = LocalDate.parse(p.getText());
                        asOfDay = (int) asOf.toEpochDay();
                    }
                    case "ruleSet", "ruleSetVersion" -> p.getText();
                    case "records" -> {
                        expect(t, JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            rec.reset(count);
                            read(p, rec);
                            validate(rec);
                            if (second == null) {
                                index(rec);
                            } else {
                                second.record(rec);
                            }
                            count++;
                        }
                    }
                    default -> throw new IOException("unreadable request: field " + field);
                }
            }
        }
        return count;
    }

    private static void expect(JsonToken t, JsonToken wanted) throws IOException {
        if (t != wanted) {
            throw new IOException("unreadable request: " + t + " where " + wanted + " belongs");
        }
    }

    private void read(JsonParser p, Rec r) throws IOException {
        boolean unit = false;
        boolean period = false;
        boolean metrics = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "unit" -> {
                    unit = true;
                    readUnit(p, r, t);
                }
                case "period" -> {
                    period = true;
                    readPeriod(p, r, t);
                }
                case "metrics" -> {
                    metrics = true;
                    readMetrics(p, r, t);
                }
                default -> {
                    r.error("/" + field, "UNKNOWN_FIELD", "field " + field + " is not part of a record");
                    p.skipChildren();
                }
            }
        }
        if (!unit) {
            r.error("/unit", "MISSING_FIELD", "the record has no unit");
        }
        if (!period) {
            r.error("/period", "MISSING_FIELD", "the record has no period");
        }
        if (!metrics) {
            r.error("/metrics", "MISSING_FIELD", "the record has no metrics");
        }
    }

    private void readUnit(JsonParser p, Rec r, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            r.error("/unit", "INVALID_TYPE", "unit must be an object");
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> {
                    if (v == JsonToken.VALUE_STRING) {
                        r.unitId = p.getText();
                        if (r.unitId.isEmpty() || r.unitId.codePointCount(0, r.unitId.length()) > 200) {
                            r.error("/unit/id", "ID_TOO_LONG", "unit.id must have 1 to 200 characters");
                        }
                    } else {
                        r.error("/unit/id", "INVALID_TYPE", "unit.id must be a string");
                        p.skipChildren();
                    }
                }
                case "name" -> {
                    if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                        r.error("/unit/name", "INVALID_TYPE", "unit.name must be a string");
                        p.skipChildren();
                    }
                }
                case "level" -> {
                    String s = v == JsonToken.VALUE_STRING ? p.getText() : "";
                    r.level = s.equals("PROVINCE") ? 0 : s.equals("DISTRICT") ? 1 : s.equals("COMMUNE") ? 2 : -1;
                    if (r.level < 0) {
                        r.error("/unit/level", "INVALID_LEVEL", "unit.level must be PROVINCE, DISTRICT or COMMUNE");
                        p.skipChildren();
                    }
                }
                case "roles" -> {
                    if (v != JsonToken.START_ARRAY) {
                        r.error("/unit/roles", "INVALID_TYPE", "unit.roles must be an array");
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        r.roleNames.add(p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : "");
                        p.skipChildren();
                    }
                }
                default -> {
                    r.error("/unit/" + field, "UNKNOWN_FIELD", "field unit." + field + " is not part of a unit");
                    p.skipChildren();
                }
            }
        }
        if (r.unitId == null) {
            r.error("/unit/id", "MISSING_FIELD", "the unit has no id");
        }
    }

    private void readPeriod(JsonParser p, Rec r, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            r.error("/period", "INVALID_TYPE", "period must be an object");
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            JsonToken v = p.nextToken();
            int day = v == JsonToken.VALUE_STRING ? day(p.getText()) : Integer.MIN_VALUE;
            if (day == Integer.MIN_VALUE) {
                r.error("/period/" + field, "INVALID_DATE", "period." + field + " is not a day");
                p.skipChildren();
            }
            if (field.equals("from")) {
                r.from = day;
            } else if (field.equals("to")) {
                r.to = day;
            } else {
                r.error("/period/" + field, "UNKNOWN_FIELD", "field period." + field + " is not part of a period");
            }
        }
    }

    private void readMetrics(JsonParser p, Rec r, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            r.error("/metrics", "INVALID_TYPE", "metrics must be an object");
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.getCurrentName();
            JsonToken v = p.nextToken();
            Integer k = INDEX.get(key);
            if (k == null) {
                r.error("/metrics/" + key, "UNKNOWN_METRIC", "metric key \"" + key + "\" is not declared by the rule set");
                p.skipChildren();
                continue;
            }
            if ((r.present & (1 << k)) != 0) {
                r.error("/metrics/" + key, "DUPLICATE_KEY", "metric " + key + " is given twice");
            }
            switch (TYPE[k]) {
                case 0 -> {
                    if (v == JsonToken.VALUE_NUMBER_INT) {
                        long n = p.getLongValue();
                        if (n < 0 || n > MAX_COUNT) {
                            r.error("/metrics/" + key, "OUT_OF_RANGE", "metric " + key + " is " + n
                                    + ", outside 0 to " + MAX_COUNT);
                            continue;
                        }
                        r.values[k] = n;
                        r.present |= 1 << k;
                    } else {
                        r.error("/metrics/" + key, "INVALID_TYPE", "metric " + key + " must be a whole count");
                        p.skipChildren();
                    }
                }
                case 1 -> {
                    if (v == JsonToken.VALUE_NULL) {
                        r.values[k] = NOT_SUBMITTED;
                        r.present |= 1 << k;
                    } else if (v == JsonToken.VALUE_STRING && day(p.getText()) != Integer.MIN_VALUE) {
                        r.values[k] = day(p.getText());
                        r.present |= 1 << k;
                    } else {
                        r.error("/metrics/" + key, "INVALID_DATE", "metric " + key + " is not a day");
                        p.skipChildren();
                    }
                }
                default -> {
                    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                        r.values[k] = v == JsonToken.VALUE_TRUE ? 1 : 0;
                        r.present |= 1 << k;
                    } else {
                        r.error("/metrics/" + key, "INVALID_TYPE", "metric " + key + " must be true or false");
                        p.skipChildren();
                    }
                }
            }
        }
    }

    /** A day {@code YYYY-MM-DD} as an epoch day, or {@code Integer.MIN_VALUE}. */
    static int day(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Integer.MIN_VALUE;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return Integer.MIN_VALUE;
        }
        return (int) LocalDate.of(y, m, d).toEpochDay();
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private void validate(Rec r) {
        for (int j = 0; j < r.roleNames.size(); j++) {
            String role = r.roleNames.get(j);
            int bit = role.equals("DIC") ? 1 : role.equals("NEWSPAPER") ? 2 : role.equals("BROADCASTER") ? 4 : 0;
            if (bit == 0) {
                r.error("/unit/roles/" + j, "INVALID_ROLE", "role \"" + role + "\" is not declared by the rule set");
            } else if (r.level >= 0 && r.level != 0) {
                r.error("/unit/roles/" + j, "ROLE_LEVEL_MISMATCH", "role " + role + " belongs to [PROVINCE] units, not to a "
                        + LEVELS[r.level] + " unit");
            }
            r.roles |= bit;
        }
        if (r.from != Integer.MIN_VALUE && r.to != Integer.MIN_VALUE && r.from > r.to) {
            r.error("/period", "PERIOD_REVERSED", "period.from " + LocalDate.ofEpochDay(r.from) + " is after period.to "
                    + LocalDate.ofEpochDay(r.to));
        }
        for (int k = 0; k < N; k++) {
            if (!r.has(k)) {
                continue;
            }
            if (REPLACES[k] >= 0) {
                if (r.has(REPLACES[k])) {
                    r.error("/metrics/" + KEYS[k], "DUPLICATE_KEY", "metric " + KEYS[k] + " stands for "
                            + KEYS[REPLACES[k]] + " under newer wording; a record may give one of the two, not both");
                } else if (r.to != Integer.MIN_VALUE && r.to < DECREE_42) {
                    r.error("/metrics/" + KEYS[k], "UNKNOWN_METRIC", "metric " + KEYS[k]
                            + " is accepted for periods ending on or after 2022-08-15");
                }
            }
            if (TYPE[k] == 1 && r.values[k] != NOT_SUBMITTED && r.values[k] > asOfDay) {
                r.error("/metrics/" + KEYS[k], "SUBMITTED_AFTER_AS_OF", "metric " + KEYS[k] + " is "
                        + LocalDate.ofEpochDay(r.values[k]) + ", after the evaluation date " + asOf);
            }
            int w = WHOLE[k];
            if (w >= 0 && r.has(w) && r.values[k] > r.values[w]) {
                r.error("/metrics/" + KEYS[k], "PART_EXCEEDS_WHOLE", "metric " + KEYS[k] + " is " + r.values[k]
                        + ", more than " + KEYS[w] + " " + r.values[w]);
            }
        }
    }

    /** First pass: the unit's periods, with the payments a later period's trend reads. */
    private void index(Rec r) {
        if (r.unitId == null || r.from == Integer.MIN_VALUE || r.to == Integer.MIN_VALUE) {
            return;
        }
        long span = ((long) r.from << 32) | (r.to & 0xFFFF_FFFFL);
        long flags = ((long) r.index << 2) | (r.errors.isEmpty() ? VALID : 0);
        long online = r.has(PAY_ONLINE) ? r.values[PAY_ONLINE] : -1;
        long total = r.has(PAY_TOTAL) ? r.values[PAY_TOTAL] : -1;
        long[] e = units.get(r.unitId);
        if (e == null) {
            units.put(r.unitId, new long[] {span, flags, online, total});
            return;
        }
        for (int i = 0; i < e.length; i += 4) {
            if (e[i] == span) {
                e[i + 1] |= DUPLICATE;
                flags |= DUPLICATE;
            }
        }
        long[] grown = Arrays.copyOf(e, e.length + 4);
        grown[e.length] = span;
        grown[e.length + 1] = flags;
        grown[e.length + 2] = online;
        grown[e.length + 3] = total;
        units.put(r.unitId, grown);
    }

    // ------------------------------------------------------------------------------ the second pass

    /** Second pass: judges each valid record and writes its results; keeps the errors for later. */
    private final class Second {
        final Writer w;
        final Rollup rollup;
        final List<byte[]> errors = new ArrayList<>();
        long rejected;
        boolean first = true;
        /** The per-record pieces, encoded once a record. */
        final Writer scratch = new Writer(null);

        Second(Writer w, Rollup rollup) {
            this.w = w;
            this.rollup = rollup;
        }

        void record(Rec r) throws IOException {
            long[] e = r.unitId == null ? null : units.get(r.unitId);
            int self = -1;
            if (e != null) {
                for (int i = 0; i < e.length; i += 4) {
                    if ((e[i + 1] >>> 2) == r.index) {
                        self = i;
                    }
                }
            }
            if (self >= 0 && (e[self + 1] & DUPLICATE) != 0) {
                StringBuilder others = new StringBuilder();
                for (int i = 0; i < e.length; i += 4) {
                    if (i != self && e[i] == e[self]) {
                        others.append(others.length() == 0 ? "" : ", ").append(e[i + 1] >>> 2);
                    }
                }
                r.error("", "DUPLICATE_RECORD", "unit " + r.unitId + " with period " + LocalDate.ofEpochDay(r.from)
                        + ".." + LocalDate.ofEpochDay(r.to) + " is also given in record " + others);
            }
            if (!r.errors.isEmpty()) {
                rejected++;
                for (String[] err : r.errors) {
                    scratch.reset();
                    scratch.ascii("{\"record\":").number(r.index).ascii(",\"unitId\":");
                    if (r.unitId == null) {
                        scratch.raw(NULL);
                    } else {
                        scratch.string(r.unitId);
                    }
                    scratch.ascii(",\"path\":").string(err[0]).ascii(",\"code\":\"").ascii(err[1])
                            .ascii("\",\"message\":").string(err[2]).ascii("}");
                    errors.add(scratch.toBytes());
                }
                return;
            }
            // The previous period: the one valid record of the unit that ends the day before this one starts.
            long online = -1;
            long total = -1;
            int found = 0;
            for (int i = 0; i < e.length; i += 4) {
                if ((int) e[i] == r.from - 1 && (e[i + 1] & (VALID | DUPLICATE)) == VALID) {
                    found++;
                    online = e[i + 2];
                    total = e[i + 3];
                }
            }
            if (found != 1) {
                online = -1;
                total = -1;
            }
            scratch.reset();
            scratch.raw(UNIT_ID).string(r.unitId).raw(PERIOD_FROM).ascii(LocalDate.ofEpochDay(r.from).toString())
                    .raw(PERIOD_TO).ascii(LocalDate.ofEpochDay(r.to).toString()).raw(PERIOD_END);
            byte[] unitAndPeriod = scratch.toBytes();
            Judging j = new Judging(this, r, unitAndPeriod, online, total);
            j.all();
        }
    }

    /** Judges one valid record against every target in order and writes the results. */
    private final class Judging {
        final Second s;
        final Rec r;
        final byte[] unitAndPeriod;
        final long prevOnline;
        final long prevTotal;
        final int year;
        final boolean from11;
        /** The unit's targets met and judged, looked up once a record. */
        final int[] score;

        Judging(Second s, Rec r, byte[] unitAndPeriod, long prevOnline, long prevTotal) {
            this.s = s;
            this.r = r;
            this.unitAndPeriod = unitAndPeriod;
            this.prevOnline = prevOnline;
            this.prevTotal = prevTotal;
            this.year = LocalDate.ofEpochDay(r.to).getYear();
            this.from11 = r.to >= JAN_11;
            this.score = s.rollup.scores[r.level].computeIfAbsent(r.unitId, k -> new int[2]);
        }

        void all() throws IOException {
            int level = r.level;
            ratio(0, r.to >= JAN_15, DOC_EL, DOC_TOTAL, '=', 100);
            ratio(1, r.to >= JAN_15, DOC_SIGNED, DOC_EL, '=', 100);
            ratio(2, from11, PROC_L4, PROC_EL, '=', 100);
            ratio(3, from11, PROC_NP, PROC_L4, '>', 60);
            if (year == 2025) {
                ratio(4, true, RES_DIG, RES_VALID, '=', 100);
            } else {
                ratio(4, year == 2022, RES_DIG, RES_VALID, 'g', level == 0 ? 50 : level == 1 ? 40 : 35);
            }
            count(5, from11, PAPER, '=', 0, false);
            boolean fp = r.has(FP_ONLINE) || r.has(FP_TOTAL);
            ratio(6, year == 2022, fp ? FP_ONLINE : L4_ONLINE, fp ? FP_TOTAL : L4_TOTAL, '>',
                    level == 0 ? 80 : level == 1 ? 60 : 40);
            boolean pa = r.has(PA_ONLINE) || r.has(PA_TOTAL);
            ratio(7, year == 2022, pa ? PA_ONLINE : L3_ONLINE, pa ? PA_TOTAL : L3_TOTAL, '>',
                    level == 0 ? 40 : level == 1 ? 30 : 20);
            ratio(8, year == 2022, SAT_OK, SAT_RESP, 'g', 90);
            trend(9, year == 2022);
            ratio(10, from11, STAFF_PC, STAFF, '=', 100);
            deadline(11, year == 2022, REP_PC, LocalDate.of(2022, 3, 15));
            if ((r.roles & 1) != 0 && level == 0) {
                deadline(12, year == 2022, REP_PC_CONS, LocalDate.of(2022, 3, 31));
                ratio(13, from11, SYS_CONN, SYS_REQ, '=', 100);
                deadline(14, year == 2022, REP_SECTOR, LocalDate.of(2022, 3, 31));
                flag(15, from11, MS_UPGRADE);
                flag(16, from11, MS_PORTAL);
            }
            if ((r.roles & 6) != 0 && level == 0) {
                count(17, from11, MEDIA, 'g', 2, true);
            }
        }

        private Writer head(int t, int status) throws IOException {
            Writer w = s.w;
            if (!s.first) {
                w.ascii(",\n");
            }
            s.first = false;
            s.rollup.byStatus[status]++;
            if (status == MET || status == NOT_MET) {
                score[1]++;
                if (status == MET) {
                    score[0]++;
                }
            }
            return w.raw(RECORD).number(r.index).raw(unitAndPeriod).raw(HEAD[t][status]);
        }

        private void outside(int t) throws IOException {
            head(t, NOT_APPLICABLE).raw(NULL).raw(REQUIRED).raw(NULL).raw(REASON)
                    .ascii("{\"code\":\"OUTSIDE_WINDOW\",\"text\":\"no figure of ").ascii(TARGETS[t].id)
                    .ascii(" is in force for a period ending ").ascii(LocalDate.ofEpochDay(r.to).toString()).ascii("\"}")
                    .raw(MSG_VI[t][NOT_APPLICABLE]).utf8("không có chỉ tiêu áp dụng cho kỳ kết thúc ngày ")
                    .ascii(LocalDate.ofEpochDay(r.to).toString()).raw(MSG_EN[t][NOT_APPLICABLE])
                    .ascii("no figure is in force for a period ending ").ascii(LocalDate.ofEpochDay(r.to).toString())
                    .raw(RESULT_END);
        }

        private void missing(int t, Runnable required, int... keys) throws IOException {
            Writer w = head(t, INSUFFICIENT).raw(NULL).raw(REQUIRED);
            required.run();
            w.raw(REASON).ascii("{\"code\":\"MISSING_KEYS\",\"text\":\"the record lacks ");
            int shown = 0;
            for (int k : keys) {
                if (!r.has(k)) {
                    w.ascii(shown++ == 0 ? "" : " and ").ascii(KEYS[k]);
                }
            }
            w.ascii("\",\"keys\":[");
            shown = 0;
            for (int k : keys) {
                if (!r.has(k)) {
                    w.ascii(shown++ == 0 ? "\"" : ",\"").ascii(KEYS[k]).ascii("\"");
                }
            }
            w.ascii("]}").raw(MSG_VI[t][INSUFFICIENT]).utf8("thiếu số liệu ");
            shown = 0;
            for (int k : keys) {
                if (!r.has(k)) {
                    w.ascii(shown++ == 0 ? "" : ", ").ascii(KEYS[k]);
                }
            }
            w.raw(MSG_EN[t][INSUFFICIENT]).ascii("the record lacks ");
            shown = 0;
            for (int k : keys) {
                if (!r.has(k)) {
                    w.ascii(shown++ == 0 ? "" : " and ").ascii(KEYS[k]);
                }
            }
            w.raw(RESULT_END);
        }

        /** {@code op}: '>' more than, 'g' at least, '=' exactly. */
        private void ratio(int t, boolean inForce, int num, int den, char op, int percent) throws IOException {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            Runnable required = () -> requiredPercent(w, op, percent);
            if (!r.has(num) || !r.has(den)) {
                missing(t, required, num, den);
                return;
            }
            long n = r.values[num];
            long d = r.values[den];
            if (d == 0) {
                head(t, NOT_APPLICABLE);
                ratioValue(w, n, d);
                w.raw(REQUIRED);
                required.run();
                w.raw(REASON).ascii("{\"code\":\"ZERO_DENOMINATOR\",\"text\":\"the whole is 0: nothing to measure\"}")
                        .raw(MSG_VI[t][NOT_APPLICABLE]).utf8("tổng số bằng 0, không có gì để đo")
                        .raw(MSG_EN[t][NOT_APPLICABLE]).ascii("the whole is 0: nothing to measure").raw(RESULT_END);
                s.rollup.level(r.level, r.from, r.to, t, n, d, op, percent);
                return;
            }
            int sign = Long.compare(n * 100, percent * d);
            boolean met = op == '>' ? sign > 0 : op == 'g' ? sign >= 0 : sign == 0;
            int status = met ? MET : NOT_MET;
            head(t, status);
            ratioValue(w, n, d);
            w.raw(REQUIRED);
            required.run();
            w.raw(REASON).raw(NULL).raw(MSG_VI[t][status]).number(n).ascii("/").number(d).ascii(" (")
                    .ascii(percent(n, d).replace('.', ',')).ascii("%)").raw(WORDS_REQUIRED_VI)
                    .utf8(op == '>' ? "trên " : op == 'g' ? "tối thiểu " : "bằng ").number(percent).ascii("%")
                    .raw(MSG_EN[t][status]).number(n).ascii(" of ").number(d).ascii(" (").ascii(percent(n, d))
                    .ascii("%)").raw(WORDS_REQUIRED_EN).ascii(op == '>' ? "more than " : op == 'g' ? "at least "
                            : "exactly ").number(percent).ascii("%").raw(RESULT_END);
            s.rollup.level(r.level, r.from, r.to, t, n, d, op, percent);
        }

        private void requiredPercent(Writer w, char op, int percent) {
            w.ascii("{\"operator\":\"").ascii(op == '>' ? ">" : op == 'g' ? ">=" : "=").ascii("\",\"percent\":\"")
                    .number(percent).ascii("\"}");
        }

        private void ratioValue(Writer w, long n, long d) {
            w.raw(NUMERATOR).number(n).raw(DENOMINATOR).number(d).raw(PERCENT);
            if (d == 0) {
                w.raw(NULL);
            } else {
                w.ascii("\"").ascii(percent(n, d)).ascii("\"");
            }
            w.ascii("}");
        }

        private void count(int t, boolean inForce, int key, char op, long value, boolean perMonth) throws IOException {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            Runnable required = () -> w.ascii("{\"operator\":\"").ascii(op == 'g' ? ">=" : "=").ascii("\",\"value\":")
                    .number(value).ascii("}");
            if (!r.has(key)) {
                missing(t, required, key);
                return;
            }
            long v = r.values[key];
            LocalDate from = LocalDate.ofEpochDay(r.from);
            if (perMonth && !(from.getDayOfMonth() == 1 && LocalDate.ofEpochDay(r.to).equals(
                    from.plusMonths(1).minusDays(1)))) {
                head(t, INSUFFICIENT).ascii("{\"value\":").number(v).ascii("}").raw(REQUIRED);
                required.run();
                w.raw(REASON).ascii("{\"code\":\"NOT_ONE_CALENDAR_MONTH\",\"text\":\"the period is not one calendar "
                        + "month\"}").raw(MSG_VI[t][INSUFFICIENT]).utf8("kỳ báo cáo không phải một tháng dương lịch")
                        .raw(MSG_EN[t][INSUFFICIENT]).ascii("the period is not one calendar month").raw(RESULT_END);
                return;
            }
            boolean met = op == '=' ? v == value : v >= value;
            int status = met ? MET : NOT_MET;
            head(t, status).ascii("{\"value\":").number(v).ascii("}").raw(REQUIRED);
            required.run();
            w.raw(REASON).raw(NULL).raw(MSG_VI[t][status]).number(v).raw(WORDS_REQUIRED_VI)
                    .utf8(op == 'g' ? "tối thiểu " : "bằng ").number(value).raw(MSG_EN[t][status]).number(v)
                    .raw(WORDS_REQUIRED_EN).ascii(op == 'g' ? "at least " : "exactly ").number(value).raw(RESULT_END);
        }

        private void deadline(int t, boolean inForce, int key, LocalDate due) throws IOException {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            Runnable required = () -> w.ascii("{\"operator\":\"<\",\"date\":\"").ascii(due.toString()).ascii("\"}");
            if (!r.has(key)) {
                missing(t, required, key);
                return;
            }
            long on = r.values[key];
            int dueDay = (int) due.toEpochDay();
            int status = on == NOT_SUBMITTED ? (asOfDay < dueDay ? PENDING : NOT_MET) : on < dueDay ? MET : NOT_MET;
            head(t, status).ascii("{\"date\":");
            if (on == NOT_SUBMITTED) {
                w.raw(NULL);
            } else {
                w.ascii("\"").ascii(LocalDate.ofEpochDay(on).toString()).ascii("\"");
            }
            w.ascii("}").raw(REQUIRED);
            required.run();
            w.raw(REASON);
            if (status == PENDING) {
                w.ascii("{\"code\":\"NOT_YET_DUE\",\"text\":\"not submitted yet; not yet due\"}");
            } else {
                w.raw(NULL);
            }
            String submitted = on == NOT_SUBMITTED ? null : LocalDate.ofEpochDay(on).toString();
            w.raw(MSG_VI[t][status]).utf8(submitted == null ? "chưa nộp" : "nộp ngày " + submitted)
                    .utf8("; hạn trước ngày ").ascii(due.toString()).raw(MSG_EN[t][status])
                    .ascii(submitted == null ? "not submitted" : "submitted on " + submitted).ascii("; due before ")
                    .ascii(due.toString()).raw(RESULT_END);
        }

        private void flag(int t, boolean inForce, int key) throws IOException {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            Runnable required = () -> w.ascii("{\"operator\":\"done\"}");
            if (!r.has(key)) {
                missing(t, required, key);
                return;
            }
            boolean done = r.values[key] == 1;
            int status = done ? MET : PENDING;
            head(t, status).ascii(done ? "{\"done\":true}" : "{\"done\":false}").raw(REQUIRED);
            required.run();
            w.raw(REASON).ascii(done ? "null" : "{\"code\":\"NOT_YET_DONE\",\"text\":\"not done yet; the text sets no "
                    + "day by which it fails\"}").raw(MSG_VI[t][status])
                    .utf8(done ? "đã hoàn thành" : "chưa hoàn thành; yêu cầu: hoàn thành").raw(MSG_EN[t][status])
                    .ascii(done ? "done" : "not done; required: done").raw(RESULT_END);
        }

        private void trend(int t, boolean inForce) throws IOException {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            Runnable required = () -> w.ascii("{\"operator\":\"rises\"}");
            if (!r.has(PAY_ONLINE) || !r.has(PAY_TOTAL)) {
                missing(t, required, PAY_ONLINE, PAY_TOTAL);
                return;
            }
            long n = r.values[PAY_ONLINE];
            long d = r.values[PAY_TOTAL];
            boolean before = prevOnline >= 0 && prevTotal > 0;
            int status;
            String reason = null;
            if (d == 0) {
                status = NOT_APPLICABLE;
                reason = "{\"code\":\"ZERO_DENOMINATOR\",\"text\":\"the whole is 0: nothing to measure\"}";
            } else if (!before) {
                status = INSUFFICIENT;
                reason = "{\"code\":\"NO_PREVIOUS_RECORD\",\"text\":\"no valid record of unit ends on "
                        + LocalDate.ofEpochDay(r.from - 1) + ", the day before this period starts\"}";
            } else {
                int sign = Long.compare(n * prevTotal, prevOnline * d);
                boolean full = n == d && prevOnline == prevTotal;
                status = sign > 0 || full ? MET : NOT_MET;
            }
            head(t, status).ascii("{\"current\":");
            ratioValue(w, n, d);
            w.ascii(",\"previous\":");
            if (d != 0 && before) {
                ratioValue(w, prevOnline, prevTotal);
            } else {
                w.raw(NULL);
            }
            w.ascii("}").raw(REQUIRED);
            required.run();
            w.raw(REASON).ascii(reason == null ? "null" : reason).raw(MSG_VI[t][status]).utf8("tỷ lệ ").number(n)
                    .ascii("/").number(d).raw(MSG_EN[t][status]).ascii("rate ").number(n).ascii(" of ").number(d)
                    .raw(RESULT_END);
        }
    }

    /** {@code n / d} as a percentage with two decimals, half up. */
    static String percent(long n, long d) {
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(d), 2,
                RoundingMode.HALF_UP).toPlainString();
    }

    // ------------------------------------------------------------------------------ roll-ups

    /** The summary: statuses, level roll-ups of ratio targets, unit scores and ranks. */
    private static final class Rollup {
        final long[] byStatus = new long[5];
        final HashMap<GroupKey, long[]> levels = new HashMap<>();
        @SuppressWarnings("unchecked")
        final HashMap<String, int[]>[] scores = new HashMap[] {new HashMap<>(), new HashMap<>(), new HashMap<>()};

        record GroupKey(int level, int from, int to, int target) {
        }

        void level(int level, int from, int to, int target, long n, long d, char op, int percent) {
            long[] sum = levels.computeIfAbsent(new GroupKey(level, from, to, target), k -> new long[] {0, 0, 0, op,
                percent});
            sum[0] += n;
            sum[1] += d;
            sum[2]++;
        }

        void write(Writer w, long records, long evaluated, long rejected) {
            w.ascii("{\"records\":").number(records).ascii(",\"evaluated\":").number(evaluated).ascii(",\"rejected\":")
                    .number(rejected).ascii(",\"byStatus\":{");
            for (int i = 0; i < 5; i++) {
                w.ascii(i == 0 ? "\"" : ",\"").ascii(STATUS[i]).ascii("\":").number(byStatus[i]);
            }
            w.ascii("},\"levels\":[");
            List<Map.Entry<GroupKey, long[]>> groups = new ArrayList<>(levels.entrySet());
            groups.sort(Comparator.comparing((Map.Entry<GroupKey, long[]> e) -> e.getKey().level())
                    .thenComparingInt(e -> e.getKey().to()).thenComparingInt(e -> e.getKey().from())
                    .thenComparingInt(e -> e.getKey().target()));
            boolean first = true;
            for (Map.Entry<GroupKey, long[]> e : groups) {
                GroupKey k = e.getKey();
                long[] s = e.getValue();
                char op = (char) s[3];
                int sign = Long.compare(s[0] * 100, s[4] * s[1]);
                String status = s[1] == 0 ? "NOT_APPLICABLE"
                        : (op == '>' ? sign > 0 : op == 'g' ? sign >= 0 : sign == 0) ? "MET" : "NOT_MET";
                w.ascii(first ? "{\"level\":\"" : ",{\"level\":\"").ascii(LEVELS[k.level()])
                        .ascii("\",\"period\":{\"from\":\"").ascii(LocalDate.ofEpochDay(k.from()).toString())
                        .ascii("\",\"to\":\"").ascii(LocalDate.ofEpochDay(k.to()).toString()).ascii("\"},\"target\":\"")
                        .ascii(TARGETS[k.target()].id).ascii("\",\"units\":").number(s[2])
                        .ascii(",\"actual\":{\"numerator\":").number(s[0]).ascii(",\"denominator\":").number(s[1])
                        .ascii(",\"percent\":").ascii(s[1] == 0 ? "null" : "\"" + percent(s[0], s[1]) + "\"")
                        .ascii("},\"required\":{\"operator\":\"").ascii(op == '>' ? ">" : op == 'g' ? ">=" : "=")
                        .ascii("\",\"percent\":\"").number(s[4]).ascii("\"},\"status\":\"").ascii(status).ascii("\"}");
                first = false;
            }
            w.ascii("],\"units\":[");
            first = true;
            for (int level = 0; level < 3; level++) {
                List<Map.Entry<String, int[]>> all = new ArrayList<>(scores[level].entrySet());
                all.sort((a, b) -> {
                    int c = compare(b.getValue(), a.getValue());
                    return c != 0 ? c : a.getKey().compareTo(b.getKey());
                });
                int position = 0;
                int rank = 0;
                int[] previous = null;
                for (Map.Entry<String, int[]> e : all) {
                    int[] s = e.getValue();
                    w.ascii(first ? "{\"unitId\":" : ",{\"unitId\":").string(e.getKey()).ascii(",\"level\":\"")
                            .ascii(LEVELS[level]).ascii("\",\"met\":").number(s[0]).ascii(",\"judged\":").number(s[1]);
                    first = false;
                    if (s[1] == 0) {
                        w.ascii(",\"score\":null,\"rank\":null}");
                        continue;
                    }
                    position++;
                    if (previous == null || compare(s, previous) != 0) {
                        rank = position;
                    }
                    previous = s;
                    w.ascii(",\"score\":\"").ascii(percent(s[0], s[1])).ascii("\",\"rank\":").number(rank).ascii("}");
                }
            }
            w.ascii("]}");
        }

        /** Met/judged, exactly; a unit with nothing judged after every judged one. */
        private static int compare(int[] a, int[] b) {
            if (a[1] == 0 || b[1] == 0) {
                return Boolean.compare(a[1] != 0, b[1] != 0);
            }
            return Long.compare((long) a[0] * b[1], (long) b[0] * a[1]);
        }
    }

    // ------------------------------------------------------------------------------ output

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A UTF-8 byte buffer that writes raw pieces and escapes strings; flushes to a stream if it has one. */
    static final class Writer {
        private final OutputStream out;
        private byte[] buf = new byte[1 << 16];
        private int n;

        Writer(OutputStream out) {
            this.out = out;
        }

        private void room(int k) {
            if (n + k <= buf.length) {
                return;
            }
            if (out != null && k <= buf.length) {
                flushBuffer();
                return;
            }
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + k));
        }

        private void flushBuffer() {
            try {
                out.write(buf, 0, n);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            n = 0;
        }

        Writer raw(byte[] b) {
            room(b.length);
            if (b.length > buf.length - n) {
                buf = Arrays.copyOf(buf, n + b.length);
            }
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        /** Text known to be ASCII with nothing to escape. */
        Writer ascii(String s) {
            int len = s.length();
            room(len);
            for (int i = 0; i < len; i++) {
                buf[n++] = (byte) s.charAt(i);
            }
            return this;
        }

        /** Text with nothing to escape, in any script. */
        Writer utf8(String s) {
            return raw(s.getBytes(StandardCharsets.UTF_8));
        }

        Writer number(long v) {
            return ascii(Long.toString(v));
        }

        /** A JSON string, quoted and escaped. */
        Writer string(String s) {
            room(s.length() * 6 + 2);
            buf[n++] = '"';
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (c == '"' || c == '\\') {
                        buf[n++] = '\\';
                        buf[n++] = (byte) c;
                    } else if (c < 0x20) {
                        String hex = String.format("\\u%04x", (int) c);
                        for (int j = 0; j < 6; j++) {
                            buf[n++] = (byte) hex.charAt(j);
                        }
                    } else {
                        buf[n++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    buf[n++] = (byte) (0xC0 | (c >> 6));
                    buf[n++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[n++] = (byte) (0xF0 | (cp >> 18));
                    buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    buf[n++] = (byte) (0xE0 | (c >> 12));
                    buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[n++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            buf[n++] = '"';
            return this;
        }

        void reset() {
            n = 0;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, n);
        }

        void flush() throws IOException {
            if (out != null) {
                flushBuffer();
                out.flush();
            }
        }
    }

    /**
     * Evaluates one request file and prints the response, as a plain Java program would.
     *
     * @param args the request file
     * @throws IOException when reading or writing fails
     */
    public static void main(String[] args) throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        long[] counts = new PlainJavaEndToEnd().run(Path.of(args[0]), out);
        out.flush();
        System.exit(counts[2] > 0 ? 3 : 0);
    }
}
