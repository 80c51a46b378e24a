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
import java.math.BigInteger;
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
 * Java program's. Its figures, windows, checks and words are the rule set's and the engine's
 * message bundles', written out by hand; gaps ("what it would take") are worked out with exact
 * integer arithmetic as the contract says. It knows the checks the benchmark's data sets need
 * (every kind of rejection they hold, and the common others), and the benchmark checks, before
 * timing it, that it writes the engine's response byte for byte ({@link SameBytes}).
 *
 * <pre>
 * java -cp ... PlainJavaEndToEnd REQUEST.json [SHA256]     # the response on standard output
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

    // ------------------------------------------------------------------------------ words
    // The words below are copied from the engine's message bundles (kpi-core,
    // io/github/cqskpi/internal/wording/messages_{vi,en}.properties), the rule set's nouns
    // (kpi-rules, io/github/cqskpi/rules/daknong2022/vocabulary.json and v1_1_0/ruleset.json)
    // and the windows of its figures as the engine words them (LoadedRuleSet.windows), by hand:
    // the benchmark checks that this program writes the engine's bytes.

    /** The rule set's fingerprint as the engine computes it; {@code EndToEnd} passes the engine's own. */
    static final String SHA256 = "f4cc561c39500f7d56d700108fabe41b2543f223f77d363b58908af7e8b9e3e8";

    /** Per target, the windows of its figures, for the reason of a period outside them. */
    static final String[] WINDOWS = {"from 2022-01-15", "from 2022-01-15", "from 2022-01-11", "from 2022-01-11",
        "year 2022; year 2025", "from 2022-01-11", "year 2022", "year 2022", "year 2022", "year 2022",
        "from 2022-01-11", "year 2022", "year 2022", "from 2022-01-11", "year 2022", "from 2022-01-11",
        "from 2022-01-11", "from 2022-01-11"};
    /** Per target, the part's key of a ratio in the rule set's first wording, and in Decree 42's (or -1). */
    static final int[] BASE_PART = {DOC_EL, DOC_SIGNED, PROC_L4, PROC_NP, RES_DIG, -1, L4_ONLINE, L3_ONLINE, SAT_OK,
        -1, STAFF_PC, -1, -1, SYS_CONN, -1, -1, -1, -1};
    static final int[] NEWER_PART = {-1, -1, -1, -1, -1, -1, FP_ONLINE, PA_ONLINE, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1};
    /** The counted thing of a key, for a gap's words: Vietnamese, English plural, English singular. */
    static final byte[][] NOUN_VI = new byte[N][];
    static final byte[][] NOUN_EN = new byte[N][];
    static final byte[][] NOUN_EN_ONE = new byte[N][];

    static {
        String[][] nouns = {
            {"documents.electronic", "văn bản điện tử", "electronic documents", "electronic document"},
            {"documents.signed", "văn bản được ký số", "digitally signed documents", "digitally signed document"},
            {"procedures.level4", "thủ tục trực tuyến mức độ 4", "level-4 online procedures",
                "level-4 online procedure"},
            {"procedures.nationalPortal", "dịch vụ tích hợp lên Cổng Dịch vụ công Quốc gia",
                "services integrated with the National Public Service Portal",
                "service integrated with the National Public Service Portal"},
            {"results.digitized", "kết quả được số hóa", "digitized results", "digitized result"},
            {"dossiers.paperRequested", "lần yêu cầu nộp bổ sung hồ sơ giấy", "demands for paper dossiers",
                "demand for a paper dossier"},
            {"dossiers.level4.online", "hồ sơ trực tuyến mức độ 4", "online level-4 dossiers",
                "online level-4 dossier"},
            {"dossiers.level3.online", "hồ sơ trực tuyến mức độ 3", "online level-3 dossiers",
                "online level-3 dossier"},
            {"satisfaction.satisfied", "ý kiến hài lòng", "satisfied responses", "satisfied response"},
            {"payments.online", "giao dịch thanh toán trực tuyến", "online payments", "online payment"},
            {"staff.withComputer", "cán bộ, công chức, viên chức có máy vi tính", "staff with a computer",
                "staff member with a computer"},
            {"systems.connected", "hệ thống được kết nối", "connected systems", "connected system"},
            {"media.dtColumnIssues", "số chuyên mục Chuyển đổi số", "issues of the digital-transformation column",
                "issue of the digital-transformation column"},
            {"dossiers.fullProcess.online", "hồ sơ trực tuyến toàn trình", "full-process online dossiers",
                "full-process online dossier"},
            {"dossiers.partial.online", "hồ sơ trực tuyến một phần", "partial online dossiers",
                "partial online dossier"},
        };
        for (int k = 0; k < N; k++) {
            // A key without a noun is named by itself.
            NOUN_VI[k] = NOUN_EN[k] = NOUN_EN_ONE[k] = utf8(KEYS[k]);
        }
        for (String[] n : nouns) {
            int k = INDEX.get(n[0]);
            NOUN_VI[k] = utf8(n[1]);
            NOUN_EN[k] = utf8(n[2]);
            NOUN_EN_ONE[k] = utf8(n[3]);
        }
    }

    static final int MAR_15 = (int) LocalDate.of(2022, 3, 15).toEpochDay();
    static final int MAR_31 = (int) LocalDate.of(2022, 3, 31).toEpochDay();
    private static final String[] OP_SYMBOL = {">", ">=", "="};
    private static final String[] OP_VI = {"trên ", "tối thiểu ", "bằng "};
    private static final String[] OP_EN = {"more than ", "at least ", "exactly "};
    /** Per comparator ('>', at least, '=') and whole percentage: the JSON figure and its words. */
    private static final byte[][][] REQUIRED_PERCENT = new byte[3][101][];
    private static final byte[][][] REQUIRED_WORDS_VI = new byte[3][101][];
    private static final byte[][][] REQUIRED_WORDS_EN = new byte[3][101][];
    private static final byte[][] OUTSIDE_TEXT = new byte[TARGETS.length][];
    private static final byte[][] IN_FORCE = new byte[TARGETS.length][];

    static {
        for (int o = 0; o < 3; o++) {
            for (int p = 0; p <= 100; p++) {
                REQUIRED_PERCENT[o][p] = utf8("{\"operator\":\"" + OP_SYMBOL[o] + "\",\"percent\":\"" + p + "\"}");
                REQUIRED_WORDS_VI[o][p] = utf8("; yêu cầu " + OP_VI[o] + p + "%");
                REQUIRED_WORDS_EN[o][p] = utf8("; required " + OP_EN[o] + p + "%");
            }
        }
        for (int t = 0; t < TARGETS.length; t++) {
            OUTSIDE_TEXT[t] = utf8("no figure of " + TARGETS[t].id + " is in force for a period ending ");
            IN_FORCE[t] = utf8(" (in force: " + WINDOWS[t] + ")");
        }
    }

    private static final byte[] NL = utf8("\n");
    private static final byte[] COMMA_NL = utf8(",\n");
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] QUOTE = utf8("\"");
    private static final byte[] COMMA_QUOTE = utf8(",\"");
    private static final byte[] QUOTE_CLOSE = utf8("\"}");
    private static final byte[] AND = utf8(" and ");
    private static final byte[] COMMA_SPACE = utf8(", ");
    private static final byte[] PERCENT_CLOSE = utf8("%)");
    private static final byte[] GAP_NULL = utf8(",\"gap\":null");
    private static final byte[] GAP_KEY = utf8(",\"gap\":{\"key\":\"");
    private static final byte[] GAP_CHANGE = utf8("\",\"change\":");
    private static final byte[] GAP_MORE_VI = utf8("; cần thêm ");
    private static final byte[] GAP_FEWER_VI = utf8("; cần giảm ");
    private static final byte[] GAP_END_VI = utf8(" để đạt");
    private static final byte[] GAP_MORE_EN = utf8(" more ");
    private static final byte[] GAP_FEWER_EN = utf8(" fewer ");
    private static final byte[] GAP_END_EN = utf8(" needed");
    private static final byte[] OUTSIDE_HEAD = utf8("null,\"required\":null,\"reason\":{\"code\":\"OUTSIDE_WINDOW\","
            + "\"text\":\"");
    private static final byte[] OUTSIDE_VI = utf8("không có chỉ tiêu áp dụng cho kỳ báo cáo này");
    private static final byte[] MISSING_HEAD = utf8("{\"code\":\"MISSING_KEYS\",\"text\":\"");
    private static final byte[] KEYS_OPEN = utf8("\",\"keys\":[");
    private static final byte[] KEYS_CLOSE = utf8("]}");
    private static final byte[] MISSING_VI = utf8("thiếu số liệu ");
    private static final byte[] MISSING_EN = utf8("the record lacks ");
    private static final byte[] ZERO_HEAD = utf8(",\"reason\":{\"code\":\"ZERO_DENOMINATOR\",\"text\":\"");
    private static final byte[] ZERO_TEXT = utf8(" is 0: nothing to measure");
    private static final byte[] ZERO_VI = utf8("mẫu số bằng 0, không có gì để đo");
    private static final byte[] REQUIRED_AT_LEAST_2 = utf8("{\"operator\":\">=\",\"value\":2}");
    private static final byte[] REQUIRED_EXACTLY_0 = utf8("{\"operator\":\"=\",\"value\":0}");
    private static final byte[] WORDS_AT_LEAST_VI = utf8("; yêu cầu tối thiểu ");
    private static final byte[] WORDS_EXACTLY_VI = utf8("; yêu cầu bằng ");
    private static final byte[] WORDS_AT_LEAST_EN = utf8("; required at least ");
    private static final byte[] WORDS_EXACTLY_EN = utf8("; required exactly ");
    private static final byte[] MONTH_HEAD = utf8(",\"reason\":{\"code\":\"NOT_ONE_CALENDAR_MONTH\",\"text\":\"");
    private static final byte[] MONTH_TEXT_1 = utf8("the period ");
    private static final byte[] MONTH_TEXT_2 = utf8(" is not exactly one calendar month, and the figure is per month");
    private static final byte[] MONTH_VI = utf8("kỳ báo cáo không đúng một tháng dương lịch");
    private static final byte[][] REQUIRED_BEFORE = {utf8("{\"operator\":\"<\",\"date\":\"2022-03-15\"}"),
        utf8("{\"operator\":\"<\",\"date\":\"2022-03-31\"}")};
    private static final byte[] NOT_YET_DUE_1 = utf8("{\"code\":\"NOT_YET_DUE\",\"text\":\"not submitted yet; due before ");
    private static final byte[] NOT_YET_DUE_2 = utf8(" and the evaluation date ");
    private static final byte[] NOT_YET_DUE_3 = utf8(" is earlier\"}");
    private static final byte[] NOT_SUBMITTED_VI = utf8("chưa nộp");
    private static final byte[] SUBMITTED_VI = utf8("nộp ngày ");
    private static final byte[] DUE_VI = utf8("; hạn trước ngày ");
    private static final byte[] NOT_SUBMITTED_EN = utf8("not submitted");
    private static final byte[] SUBMITTED_EN = utf8("submitted on ");
    private static final byte[] DUE_EN = utf8("; due before ");
    private static final byte[] REQUIRED_DONE = utf8("{\"operator\":\"done\"}");
    private static final byte[] FLAG_DONE = utf8("{\"done\":true}");
    private static final byte[] FLAG_NOT_DONE = utf8("{\"done\":false}");
    private static final byte[] NOT_YET_DONE = utf8("{\"code\":\"NOT_YET_DONE\",\"text\":\"not done yet; the text sets no "
            + "day by which it fails\"}");
    private static final byte[] DONE_VI = utf8("đã hoàn thành; yêu cầu: hoàn thành");
    private static final byte[] NOT_DONE_VI = utf8("chưa hoàn thành; yêu cầu: hoàn thành");
    private static final byte[] DONE_EN = utf8("done; required: done");
    private static final byte[] NOT_DONE_EN = utf8("not done; required: done");
    private static final byte[] REQUIRED_RISES = utf8("{\"operator\":\"rises\"}");
    private static final byte[] TREND_CURRENT = utf8("{\"current\":");
    private static final byte[] TREND_PREVIOUS = utf8(",\"previous\":");
    private static final byte[] TREND_NO_PREVIOUS = utf8(",\"previous\":null}");
    private static final byte[] NO_PREVIOUS_HEAD = utf8(",\"reason\":{\"code\":\"NO_PREVIOUS_RECORD\",\"text\":\"");
    private static final byte[] NO_PREVIOUS_NONE_1 = utf8("no valid record of unit ");
    private static final byte[] NO_PREVIOUS_NONE_2 = utf8(" ends on ");
    private static final byte[] NO_PREVIOUS_NONE_3 = utf8(", the day before this period starts");
    private static final byte[] NO_PREVIOUS_MANY_1 = utf8(" valid records of unit ");
    private static final byte[] NO_PREVIOUS_MANY_2 = utf8(" end on ");
    private static final byte[] NO_PREVIOUS_MANY_3 = utf8("; the previous record must be exactly one");
    private static final byte[] NO_PREVIOUS_UNUSABLE_1 = utf8("the previous record (ending ");
    private static final byte[] NO_PREVIOUS_UNUSABLE_2 = utf8(") lacks payments.online / payments.total or has "
            + "payments.total 0");
    private static final byte[] NO_PREVIOUS_VI = utf8("không có đúng một kỳ liền trước có số liệu để so sánh");
    private static final byte[] TREND_VI = utf8("tỷ lệ ");
    private static final byte[] AGAINST_VI = utf8(" so với ");
    private static final byte[] BEFORE_VI = utf8(" kỳ trước");
    private static final byte[] RISES_VI = utf8("; yêu cầu: tỷ lệ tăng");
    private static final byte[] TREND_EN = utf8("rate ");
    private static final byte[] AGAINST_EN = utf8(" against ");
    private static final byte[] BEFORE_EN = utf8(" before");
    private static final byte[] RISES_EN = utf8("; required: the rate rises");


    // ------------------------------------------------------------------------------ the request

    private final JsonFactory json = new JsonFactory();
    private final String sha256;

    /** An evaluator that names the rule set by {@link #SHA256}. */
    public PlainJavaEndToEnd() {
        this(SHA256);
    }

    /**
     * An evaluator that names the rule set by a given fingerprint.
     *
     * @param sha256 the rule set's fingerprint, as the response's {@code ruleSet.sha256}
     */
    public PlainJavaEndToEnd(String sha256) {
        this.sha256 = sha256;
    }
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
        w.raw(utf8("{\"ruleSet\":{\"id\":\"dak-nong-2022\",\"version\":\"1.1.0\",\"sha256\":\"" + sha256
                + "\"},\n\"asOf\":\"" + asOf + "\",\n\"results\":["));
        Rollup rollup = new Rollup();
        Second second = new Second(w, rollup);
        pass(request, rec, second);
        // An empty array is written [], a full one with its items on lines of their own.
        w.raw(second.first ? utf8("],\n\"errors\":[") : utf8("\n],\n\"errors\":["));
        for (int i = 0; i < second.errors.size(); i++) {
            w.flushIfFull();
            w.raw(i == 0 ? NL : COMMA_NL);
            w.raw(second.errors.get(i));
        }
        w.raw(second.errors.isEmpty() ? utf8("],\n\"summary\":") : utf8("\n],\n\"summary\":"));
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
                            + " is accepted for periods ending on or after 2022-08-15; this period ends "
                            + LocalDate.ofEpochDay(r.to) + " (give " + KEYS[REPLACES[k]] + ")");
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
            scratch.raw(UNIT_ID).string(r.unitId).raw(PERIOD_FROM).isoDay(r.from).raw(PERIOD_TO).isoDay(r.to)
                    .raw(PERIOD_END);
            byte[] unitAndPeriod = scratch.toBytes();
            Judging j = new Judging(this, r, unitAndPeriod, found, online, total);
            j.all();
        }
    }

    /** Judges one valid record against every target in order and writes the results. */
    private final class Judging {
        final Second s;
        final Rec r;
        final byte[] unitAndPeriod;
        /** How many valid records of the unit end the day before this period starts. */
        final int previousCount;
        final long prevOnline;
        final long prevTotal;
        final int year;
        final boolean from11;
        /** The unit's targets met and judged, looked up once a record. */
        final int[] score;

        Judging(Second s, Rec r, byte[] unitAndPeriod, int previousCount, long prevOnline, long prevTotal) {
            this.s = s;
            this.r = r;
            this.unitAndPeriod = unitAndPeriod;
            this.previousCount = previousCount;
            this.prevOnline = prevOnline;
            this.prevTotal = prevTotal;
            this.year = LocalDate.ofEpochDay(r.to).getYear();
            this.from11 = r.to >= JAN_11;
            this.score = s.rollup.scores[r.level].computeIfAbsent(r.unitId, k -> new int[2]);
        }

        void all() throws IOException {
            int level = r.level;
            ratio(0, r.to >= JAN_15, DOC_EL, DOC_TOTAL, DOC_TOTAL, '=', 100);
            ratio(1, r.to >= JAN_15, DOC_SIGNED, DOC_EL, DOC_EL, '=', 100);
            ratio(2, from11, PROC_L4, PROC_EL, PROC_EL, '=', 100);
            ratio(3, from11, PROC_NP, PROC_L4, PROC_L4, '>', 60);
            if (year == 2025) {
                ratio(4, true, RES_DIG, RES_VALID, RES_VALID, '=', 100);
            } else {
                ratio(4, year == 2022, RES_DIG, RES_VALID, RES_VALID, 'g', level == 0 ? 50 : level == 1 ? 40 : 35);
            }
            count(5, from11, PAPER, '=', 0, false);
            // A record that gives any of Decree 42's keys is judged on them (the engine's newer wording).
            boolean fp = r.has(FP_ONLINE) || r.has(FP_TOTAL);
            ratio(6, year == 2022, fp ? FP_ONLINE : L4_ONLINE, fp ? FP_TOTAL : L4_TOTAL, L4_TOTAL, '>',
                    level == 0 ? 80 : level == 1 ? 60 : 40);
            boolean pa = r.has(PA_ONLINE) || r.has(PA_TOTAL);
            ratio(7, year == 2022, pa ? PA_ONLINE : L3_ONLINE, pa ? PA_TOTAL : L3_TOTAL, L3_TOTAL, '>',
                    level == 0 ? 40 : level == 1 ? 30 : 20);
            ratio(8, year == 2022, SAT_OK, SAT_RESP, SAT_RESP, 'g', 90);
            trend(9, year == 2022);
            ratio(10, from11, STAFF_PC, STAFF, STAFF, '=', 100);
            deadline(11, year == 2022, REP_PC, MAR_15);
            if ((r.roles & 1) != 0 && level == 0) {
                deadline(12, year == 2022, REP_PC_CONS, MAR_31);
                ratio(13, from11, SYS_CONN, SYS_REQ, SYS_REQ, '=', 100);
                deadline(14, year == 2022, REP_SECTOR, MAR_31);
                flag(15, from11, MS_UPGRADE);
                flag(16, from11, MS_PORTAL);
            }
            if ((r.roles & 6) != 0 && level == 0) {
                count(17, from11, MEDIA, 'g', 2, true);
            }
        }

        private Writer head(int t, int status) {
            Writer w = s.w;
            w.flushIfFull();
            w.raw(s.first ? NL : COMMA_NL);
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

        /** {@code ,"gap":{"key":K,"change":N}} and the gap's words at the end of each message. */
        private void gapJson(Writer w, int key, long change) {
            w.raw(GAP_KEY).ascii(KEYS[key]).raw(GAP_CHANGE).number(change).ascii("}");
        }

        private void gapVi(Writer w, int key, long change) {
            w.raw(change > 0 ? GAP_MORE_VI : GAP_FEWER_VI).number(Math.abs(change)).ascii(" ").raw(NOUN_VI[key])
                    .raw(GAP_END_VI);
        }

        private void gapEn(Writer w, int key, long change) {
            long n = Math.abs(change);
            w.ascii("; ").number(n).raw(change > 0 ? GAP_MORE_EN : GAP_FEWER_EN).raw(n == 1 ? NOUN_EN_ONE[key]
                    : NOUN_EN[key]).raw(GAP_END_EN);
        }

        private void outside(int t) {
            head(t, NOT_APPLICABLE).raw(OUTSIDE_HEAD);
            int reasonFrom = s.w.mark();
            s.w.raw(OUTSIDE_TEXT[t]).isoDay(r.to).raw(IN_FORCE[t]);
            int reasonTo = s.w.mark();
            s.w.raw(QUOTE_CLOSE).raw(GAP_NULL).raw(MSG_VI[t][NOT_APPLICABLE]).raw(OUTSIDE_VI)
                    .raw(MSG_EN[t][NOT_APPLICABLE]).repeat(reasonFrom, reasonTo).raw(RESULT_END);
        }

        private void missing(int t, byte[] required, int... keys) {
            Writer w = head(t, INSUFFICIENT).raw(NULL).raw(REQUIRED).raw(required).raw(REASON)
                    .raw(MISSING_HEAD);
            int reasonFrom = w.mark();
            w.raw(MISSING_EN);
            int shown = 0;
            for (int k : keys) {
                if (!r.has(k)) {
                    w.raw(shown++ == 0 ? EMPTY : AND).ascii(KEYS[k]);
                }
            }
            int reasonTo = w.mark();
            w.raw(KEYS_OPEN);
            shown = 0;
            for (int k : keys) {
                if (!r.has(k)) {
                    w.raw(shown++ == 0 ? QUOTE : COMMA_QUOTE).ascii(KEYS[k]).raw(QUOTE);
                }
            }
            w.raw(KEYS_CLOSE).raw(GAP_NULL).raw(MSG_VI[t][INSUFFICIENT]).raw(MISSING_VI);
            shown = 0;
            for (int k : keys) {
                if (!r.has(k)) {
                    w.raw(shown++ == 0 ? EMPTY : COMMA_SPACE).ascii(KEYS[k]);
                }
            }
            w.raw(MSG_EN[t][INSUFFICIENT]).repeat(reasonFrom, reasonTo).raw(RESULT_END);
        }

        /**
         * A part over a whole; {@code baseDen} is the whole's key in the rule set's first wording,
         * which the reason of a whole of 0 names. {@code op}: '>' more than, 'g' at least, '=' exactly.
         */
        private void ratio(int t, boolean inForce, int num, int den, int baseDen, char op, int percent) {
            if (!inForce) {
                outside(t);
                return;
            }
            byte[] required = REQUIRED_PERCENT[opIndex(op)][percent];
            if (!r.has(num) || !r.has(den)) {
                missing(t, required, num, den);
                return;
            }
            Writer w = s.w;
            long n = r.values[num];
            long d = r.values[den];
            if (d == 0) {
                head(t, NOT_APPLICABLE);
                ratioValue(w, n, d);
                w.raw(REQUIRED).raw(required).raw(ZERO_HEAD);
                int reasonFrom = w.mark();
                w.ascii(KEYS[baseDen]).raw(ZERO_TEXT);
                int reasonTo = w.mark();
                w.raw(QUOTE_CLOSE).raw(GAP_NULL).raw(MSG_VI[t][NOT_APPLICABLE]).raw(ZERO_VI)
                        .raw(MSG_EN[t][NOT_APPLICABLE]).repeat(reasonFrom, reasonTo).raw(RESULT_END);
                s.rollup.level(r.level, r.from, r.to, t, -1, n, d, op, percent);
                return;
            }
            // n × 100 against percent × d: both below 2^63, as counts are at most 2^53 − 1 and percent at most 100.
            int sign = Long.compare(n * 100, percent * d);
            boolean met = op == '>' ? sign > 0 : op == 'g' ? sign >= 0 : sign == 0;
            int status = met ? MET : NOT_MET;
            long least = met ? -1 : leastPart(d, op, percent);
            head(t, status);
            long span = ratioValue(w, n, d);
            int pFrom = (int) (span >>> 32);
            int pTo = (int) span;
            w.raw(REQUIRED).raw(required).raw(REASON).raw(NULL);
            if (least >= 0) {
                gapJson(w, num, least - n);
            } else {
                w.raw(GAP_NULL);
            }
            w.raw(MSG_VI[t][status]).number(n).ascii("/").number(d).ascii(" (").repeatPercent(pFrom, pTo, ',')
                    .raw(PERCENT_CLOSE).raw(REQUIRED_WORDS_VI[opIndex(op)][percent]);
            if (least >= 0) {
                gapVi(w, num, least - n);
            }
            w.raw(MSG_EN[t][status]).number(n).ascii(" of ").number(d).ascii(" (").repeat(pFrom, pTo)
                    .raw(PERCENT_CLOSE).raw(REQUIRED_WORDS_EN[opIndex(op)][percent]);
            if (least >= 0) {
                gapEn(w, num, least - n);
            }
            w.raw(RESULT_END);
            s.rollup.level(r.level, r.from, r.to, t, num, n, d, op, percent);
        }

        /** The ratio's JSON; returns where its percent's digits start and end, packed (when the whole is not 0). */
        private long ratioValue(Writer w, long n, long d) {
            w.raw(NUMERATOR).number(n).raw(DENOMINATOR).number(d).raw(PERCENT);
            long span = 0;
            if (d == 0) {
                w.raw(NULL);
            } else {
                w.ascii("\"");
                int at = w.mark();
                w.percent(n, d, '.');
                span = ((long) at << 32) | w.mark();
                w.ascii("\"");
            }
            w.ascii("}");
            return span;
        }

        private void count(int t, boolean inForce, int key, char op, long value, boolean perMonth) {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            byte[] required = op == 'g' ? REQUIRED_AT_LEAST_2 : REQUIRED_EXACTLY_0;
            if (!r.has(key)) {
                missing(t, required, key);
                return;
            }
            long v = r.values[key];
            LocalDate from = LocalDate.ofEpochDay(r.from);
            if (perMonth && !(from.getDayOfMonth() == 1 && r.to == from.plusMonths(1).toEpochDay() - 1)) {
                head(t, INSUFFICIENT).ascii("{\"value\":").number(v).ascii("}").raw(REQUIRED).raw(required)
                        .raw(MONTH_HEAD);
                int reasonFrom = w.mark();
                w.raw(MONTH_TEXT_1).isoDay(r.from).ascii("..").isoDay(r.to).raw(MONTH_TEXT_2);
                int reasonTo = w.mark();
                w.raw(QUOTE_CLOSE).raw(GAP_NULL).raw(MSG_VI[t][INSUFFICIENT]).raw(MONTH_VI)
                        .raw(MSG_EN[t][INSUFFICIENT]).repeat(reasonFrom, reasonTo).raw(RESULT_END);
                return;
            }
            boolean met = op == '=' ? v == value : v >= value;
            int status = met ? MET : NOT_MET;
            // The nearest count that meets the figure, minus the count: never 0 when not met.
            long change = met ? 0 : value - v;
            head(t, status).ascii("{\"value\":").number(v).ascii("}").raw(REQUIRED).raw(required).raw(REASON)
                    .raw(NULL);
            if (change != 0) {
                gapJson(w, key, change);
            } else {
                w.raw(GAP_NULL);
            }
            w.raw(MSG_VI[t][status]).number(v).raw(op == 'g' ? WORDS_AT_LEAST_VI : WORDS_EXACTLY_VI).number(value);
            if (change != 0) {
                gapVi(w, key, change);
            }
            w.raw(MSG_EN[t][status]).number(v).raw(op == 'g' ? WORDS_AT_LEAST_EN : WORDS_EXACTLY_EN).number(value);
            if (change != 0) {
                gapEn(w, key, change);
            }
            w.raw(RESULT_END);
        }

        private void deadline(int t, boolean inForce, int key, int dueDay) {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            byte[] required = REQUIRED_BEFORE[dueDay == MAR_15 ? 0 : 1];
            if (!r.has(key)) {
                missing(t, required, key);
                return;
            }
            long on = r.values[key];
            int status = on == NOT_SUBMITTED ? (asOfDay < dueDay ? PENDING : NOT_MET) : on < dueDay ? MET : NOT_MET;
            head(t, status).ascii("{\"date\":");
            if (on == NOT_SUBMITTED) {
                w.raw(NULL);
            } else {
                w.ascii("\"").isoDay((int) on).ascii("\"");
            }
            w.ascii("}").raw(REQUIRED).raw(required).raw(REASON);
            if (status == PENDING) {
                w.raw(NOT_YET_DUE_1).isoDay(dueDay).raw(NOT_YET_DUE_2).isoDay(asOfDay).raw(NOT_YET_DUE_3);
            } else {
                w.raw(NULL);
            }
            w.raw(GAP_NULL).raw(MSG_VI[t][status]);
            if (on == NOT_SUBMITTED) {
                w.raw(NOT_SUBMITTED_VI);
            } else {
                w.raw(SUBMITTED_VI).viDay((int) on);
            }
            w.raw(DUE_VI).viDay(dueDay).raw(MSG_EN[t][status]);
            if (on == NOT_SUBMITTED) {
                w.raw(NOT_SUBMITTED_EN);
            } else {
                w.raw(SUBMITTED_EN).isoDay((int) on);
            }
            w.raw(DUE_EN).isoDay(dueDay).raw(RESULT_END);
        }

        private void flag(int t, boolean inForce, int key) {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            if (!r.has(key)) {
                missing(t, REQUIRED_DONE, key);
                return;
            }
            boolean done = r.values[key] == 1;
            int status = done ? MET : PENDING;
            head(t, status).raw(done ? FLAG_DONE : FLAG_NOT_DONE).raw(REQUIRED).raw(REQUIRED_DONE).raw(REASON)
                    .raw(done ? NULL : NOT_YET_DONE).raw(GAP_NULL).raw(MSG_VI[t][status])
                    .raw(done ? DONE_VI : NOT_DONE_VI).raw(MSG_EN[t][status]).raw(done ? DONE_EN : NOT_DONE_EN)
                    .raw(RESULT_END);
        }

        private void trend(int t, boolean inForce) {
            if (!inForce) {
                outside(t);
                return;
            }
            Writer w = s.w;
            if (!r.has(PAY_ONLINE) || !r.has(PAY_TOTAL)) {
                missing(t, REQUIRED_RISES, PAY_ONLINE, PAY_TOTAL);
                return;
            }
            long n = r.values[PAY_ONLINE];
            long d = r.values[PAY_TOTAL];
            if (d == 0) {
                head(t, NOT_APPLICABLE).raw(TREND_CURRENT);
                ratioValue(w, n, d);
                w.raw(TREND_NO_PREVIOUS).raw(REQUIRED).raw(REQUIRED_RISES).raw(ZERO_HEAD);
                int reasonFrom = w.mark();
                w.ascii(KEYS[PAY_TOTAL]).raw(ZERO_TEXT);
                int reasonTo = w.mark();
                w.raw(QUOTE_CLOSE).raw(GAP_NULL).raw(MSG_VI[t][NOT_APPLICABLE]).raw(ZERO_VI)
                        .raw(MSG_EN[t][NOT_APPLICABLE]).repeat(reasonFrom, reasonTo).raw(RESULT_END);
                return;
            }
            // The previous period is usable when exactly one valid record ends the day before, with both keys.
            boolean hasPrevious = previousCount == 1 && prevOnline >= 0 && prevTotal >= 0;
            if (!hasPrevious || prevTotal == 0) {
                head(t, INSUFFICIENT).raw(TREND_CURRENT);
                ratioValue(w, n, d);
                if (hasPrevious) {
                    w.raw(TREND_PREVIOUS);
                    ratioValue(w, prevOnline, prevTotal);
                    w.ascii("}");
                } else {
                    w.raw(TREND_NO_PREVIOUS);
                }
                w.raw(REQUIRED).raw(REQUIRED_RISES).raw(NO_PREVIOUS_HEAD);
                int reasonFrom = w.mark();
                int dayBefore = r.from - 1;
                if (previousCount == 0) {
                    w.raw(NO_PREVIOUS_NONE_1).text(r.unitId).raw(NO_PREVIOUS_NONE_2).isoDay(dayBefore)
                            .raw(NO_PREVIOUS_NONE_3);
                } else if (previousCount > 1) {
                    w.number(previousCount).raw(NO_PREVIOUS_MANY_1).text(r.unitId).raw(NO_PREVIOUS_MANY_2)
                            .isoDay(dayBefore).raw(NO_PREVIOUS_MANY_3);
                } else {
                    w.raw(NO_PREVIOUS_UNUSABLE_1).isoDay(dayBefore).raw(NO_PREVIOUS_UNUSABLE_2);
                }
                int reasonTo = w.mark();
                w.raw(QUOTE_CLOSE).raw(GAP_NULL).raw(MSG_VI[t][INSUFFICIENT]).raw(NO_PREVIOUS_VI)
                        .raw(MSG_EN[t][INSUFFICIENT]).repeat(reasonFrom, reasonTo).raw(RESULT_END);
                return;
            }
            int sign = compareFractions(n, d, prevOnline, prevTotal);
            boolean full = n == d && prevOnline == prevTotal;
            int status = sign > 0 || full ? MET : NOT_MET;
            long change = 0;
            if (status == NOT_MET) {
                // The least online count on the same total whose rate is above the previous one.
                long least = prevOnline == prevTotal ? d : floorTimes(prevOnline, d, prevTotal) + 1;
                change = least > d || least <= n ? 0 : least - n;
            }
            head(t, status).raw(TREND_CURRENT);
            long cur = ratioValue(w, n, d);
            w.raw(TREND_PREVIOUS);
            long prev = ratioValue(w, prevOnline, prevTotal);
            w.ascii("}").raw(REQUIRED).raw(REQUIRED_RISES).raw(REASON).raw(NULL);
            if (change != 0) {
                gapJson(w, PAY_ONLINE, change);
            } else {
                w.raw(GAP_NULL);
            }
            w.raw(MSG_VI[t][status]).raw(TREND_VI).number(n).ascii("/").number(d).ascii(" (").repeatPercent((int) (cur >>> 32), (int) cur, ',')
                    .raw(PERCENT_CLOSE).raw(AGAINST_VI).number(prevOnline).ascii("/").number(prevTotal).ascii(" (")
                    .repeatPercent((int) (prev >>> 32), (int) prev, ',').raw(PERCENT_CLOSE).raw(BEFORE_VI).raw(RISES_VI);
            if (change != 0) {
                gapVi(w, PAY_ONLINE, change);
            }
            w.raw(MSG_EN[t][status]).raw(TREND_EN).number(n).ascii(" of ").number(d).ascii(" (")
                    .repeat((int) (cur >>> 32), (int) cur).raw(PERCENT_CLOSE).raw(AGAINST_EN).number(prevOnline)
                    .ascii(" of ").number(prevTotal).ascii(" (").repeat((int) (prev >>> 32), (int) prev)
                    .raw(PERCENT_CLOSE).raw(BEFORE_EN).raw(RISES_EN);
            if (change != 0) {
                gapEn(w, PAY_ONLINE, change);
            }
            w.raw(RESULT_END);
        }
    }

    /** 0 for '>', 1 for 'g' (at least), 2 for '='. */
    static int opIndex(char op) {
        return op == '>' ? 0 : op == 'g' ? 1 : 2;
    }

    /**
     * The least part, from 0 to {@code whole}, whose share of {@code whole} meets a whole
     * percentage, or -1 when none does; {@code percent × whole} stays below 2^63 for counts up
     * to 2^53 − 1 (the contract's limit) and percentages up to 100.
     */
    static long leastPart(long whole, char op, long percent) {
        long num = percent * whole;
        long q = num / 100;
        long least = op == '>' ? q + 1 : num % 100 == 0 ? q : op == 'g' ? q + 1 : -1;
        return least > whole ? -1 : least;
    }

    /** The sign of {@code a/b − c/d}, all counts, {@code b} and {@code d} positive. */
    static int compareFractions(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, d);
        long hi2 = Math.multiplyHigh(c, b);
        if (hi1 != hi2) {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(a * d, c * b);
    }

    /** {@code floor(a × b / c)}, exactly, for counts; {@code c} positive. */
    static long floorTimes(long a, long b, long c) {
        if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
            return a * b / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
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

        /**
         * Adds one record's ratio. {@code part} is the part's key as the record gave it, or -1 for
         * a whole of 0; the group's part key is the record's when every unit gives the same, and
         * Decree 42's as soon as the two wordings mix (as the engine names it).
         */
        void level(int level, int from, int to, int target, int part, long n, long d, char op, int percent) {
            long[] sum = levels.computeIfAbsent(new GroupKey(level, from, to, target), k -> new long[] {0, 0, 0, op,
                percent, BASE_PART[target]});
            if (part >= 0 && part != sum[5]) {
                sum[5] = sum[2] == 0 || NEWER_PART[target] < 0 ? part : NEWER_PART[target];
            }
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
                w.flushIfFull();
                GroupKey k = e.getKey();
                long[] s = e.getValue();
                char op = (char) s[3];
                // Sums of counts stay below 2^63 / 100 for any file the benchmark writes.
                int sign = Long.compare(Math.multiplyExact(s[0], 100), Math.multiplyExact(s[4], s[1]));
                boolean met = op == '>' ? sign > 0 : op == 'g' ? sign >= 0 : sign == 0;
                int status = s[1] == 0 ? NOT_APPLICABLE : met ? MET : NOT_MET;
                w.ascii(first ? "{\"level\":\"" : ",{\"level\":\"").ascii(LEVELS[k.level()])
                        .ascii("\",\"period\":{\"from\":\"").isoDay(k.from())
                        .ascii("\",\"to\":\"").isoDay(k.to()).ascii("\"},\"target\":\"")
                        .ascii(TARGETS[k.target()].id).ascii("\",\"units\":").number(s[2])
                        .ascii(",\"actual\":{\"numerator\":").number(s[0]).ascii(",\"denominator\":").number(s[1])
                        .ascii(",\"percent\":");
                if (s[1] == 0) {
                    w.raw(NULL);
                } else {
                    w.ascii("\"").percent(s[0], s[1], '.').ascii("\"");
                }
                w.ascii("},\"required\":").raw(REQUIRED_PERCENT[opIndex(op)][(int) s[4]]).ascii(",\"status\":\"")
                        .ascii(STATUS[status]).ascii("\",\"gap\":");
                long least = status == NOT_MET ? leastPart(s[1], op, s[4]) : -1;
                if (least >= 0) {
                    w.ascii("{\"key\":\"").ascii(KEYS[(int) s[5]]).ascii("\",\"change\":").number(least - s[0])
                            .ascii("}");
                } else {
                    w.raw(NULL);
                }
                w.ascii("}");
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
                    w.flushIfFull();
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
                    w.ascii(",\"score\":\"").percent(s[0], s[1], '.').ascii("\",\"rank\":").number(rank).ascii("}");
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

        /** Makes room for {@code k} more bytes; never flushes, so that marks stay valid ({@link #flushIfFull}). */
        private void room(int k) {
            if (n + k > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + k));
            }
        }

        /** Flushes to the stream, between results, once the buffer is half full. */
        void flushIfFull() {
            if (out != null && n >= buf.length >> 1) {
                flushBuffer();
            }
        }

        /** Where the next byte goes, for {@link #repeat}. */
        int mark() {
            return n;
        }

        /** Writes again what was written between two marks. */
        Writer repeat(int from, int to) {
            room(to - from);
            System.arraycopy(buf, from, buf, n, to - from);
            n += to - from;
            return this;
        }

        /** Writes again a percent written between two marks, with another decimal mark. */
        Writer repeatPercent(int from, int to, char mark) {
            room(to - from);
            for (int i = from; i < to; i++) {
                byte c = buf[i];
                buf[n++] = c == '.' ? (byte) mark : c;
            }
            return this;
        }

        /** {@code part / whole} as a percentage with two decimals, half up; {@code whole} positive. */
        Writer percent(long part, long whole, char mark) {
            if (part >= 1L << 44 || whole >= 1L << 61) {
                // Past what 2 × part × 10000 + whole holds in a long.
                String p = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole),
                        2, RoundingMode.HALF_UP).toPlainString();
                return ascii(mark == '.' ? p : p.replace('.', mark));
            }
            // round(part × 10000 / whole), half up: floor((2 × part × 10000 + whole) / (2 × whole)).
            long q = (part * 20_000 + whole) / (whole * 2);
            number(q / 100);
            room(3);
            int f = (int) (q % 100);
            buf[n++] = (byte) mark;
            buf[n++] = (byte) ('0' + f / 10);
            buf[n++] = (byte) ('0' + f % 10);
            return this;
        }

        /** A day as {@code YYYY-MM-DD}. */
        Writer isoDay(int epochDay) {
            return day(epochDay, false);
        }

        /** A day as {@code dd/MM/yyyy}, as Vietnamese messages write it. */
        Writer viDay(int epochDay) {
            return day(epochDay, true);
        }

        /** Civil from days (proleptic Gregorian, years 0 to 9999), without a LocalDate. */
        private Writer day(int epochDay, boolean vi) {
            long z = epochDay + 719_468L;
            long era = Math.floorDiv(z, 146_097);
            long doe = z - era * 146_097;
            long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            int d = (int) (doy - (153 * mp + 2) / 5 + 1);
            int m = (int) (mp < 10 ? mp + 3 : mp - 9);
            int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
            room(10);
            if (vi) {
                two(d);
                buf[n++] = '/';
                two(m);
                buf[n++] = '/';
                four(y);
            } else {
                four(y);
                buf[n++] = '-';
                two(m);
                buf[n++] = '-';
                two(d);
            }
            return this;
        }

        private void two(int v) {
            buf[n++] = (byte) ('0' + v / 10);
            buf[n++] = (byte) ('0' + v % 10);
        }

        private void four(int v) {
            two(v / 100);
            two(v % 100);
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
            room(2);
            buf[n++] = '"';
            text(s);
            buf[n++] = '"';
            return this;
        }

        /** The inside of a JSON string, escaped. */
        Writer text(String s) {
            room(s.length() * 6 + 1);
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
     * @param args the request file, then optionally the rule set's fingerprint (by default {@link #SHA256})
     * @throws IOException when reading or writing fails
     */
    public static void main(String[] args) throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        long[] counts = (args.length > 1 ? new PlainJavaEndToEnd(args[1]) : new PlainJavaEndToEnd()).run(
                Path.of(args[0]), out);
        out.flush();
        System.exit(counts[2] > 0 ? 3 : 0);
    }
}
