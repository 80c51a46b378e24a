package io.github.cqskpi.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes the bundled sample request {@code samples/dak-nong-2022.json}: the province of Đắk Nông
 * in 2022 as the directive addresses it.
 *
 * <p>Units: the 8 district-level units (Gia Nghĩa city and seven districts), their 71 communes,
 * wards and townships, 18 provincial departments and boards, the Department of Information and
 * Communications ({@code DIC}), Báo Đắk Nông ({@code NEWSPAPER}) and the provincial radio and
 * television ({@code BROADCASTER}). The figures are invented but plausible; the names are real.
 *
 * <p>Records:
 * <ul>
 *   <li>one annual 2022 record (2022-01-01..2022-12-31) a unit, with every metric key that
 *       applies to it;</li>
 *   <li>one annual 2021 record with the payment keys alone for every unit that takes payments,
 *       except the communes of Đắk Glong and Tuy Đức (they have no 2021 figure): the baseline
 *       against which {@code ONLINE_PAYMENT_TREND} judges the 2022 annual record (reading 7:
 *       the previous record is the one ending the day before, here 2021-12-31). All its
 *       targets are outside their windows, so it adds only NOT_APPLICABLE results;</li>
 *   <li>twelve monthly 2022 records with {@code media.dtColumnIssues} for the newspaper and the
 *       broadcaster (clause 7 is judged per calendar month; their annual record carries the
 *       year's total, which reading 8 cannot judge);</li>
 *   <li>twelve monthly 2022 records with the payment keys for four units. Their annual record
 *       holds the sum of the months, so both views agree. January and the annual record start
 *       on the same day and both compare with the 2021 annual baseline (year against year; a
 *       December 2021 month would have put the whole of 2022 against one month), February
 *       compares with January, and so on. No unit has two records for the same period.</li>
 * </ul>
 *
 * <p>Some units sit exactly on a threshold, to show the comparators at work: see
 * {@link #pinned()}. The same seed always gives the same bytes; a test checks that the committed
 * file is what this class writes. After a change here, regenerate it from the repository root:
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java -cp kpi-examples/target/kpi-cli.jar io.github.cqskpi.examples.SampleProvince
 * </pre>
 */
public final class SampleProvince {

    /** Where the sample lives on the classpath. */
    public static final String RESOURCE = "/samples/dak-nong-2022.json";

    /** Where {@link #main} writes it, relative to the repository root. */
    public static final String SOURCE_PATH = "kpi-examples/src/main/resources/samples/dak-nong-2022.json";

    private static final long SEED = 20220111L;

    private static final String AS_OF = "2022-12-31";

    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private SampleProvince() {
    }

    /**
     * Writes the sample.
     *
     * @param args the file to write (default {@value #SOURCE_PATH}, from the repository root)
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : SOURCE_PATH);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, json(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /**
     * The sample request, pretty-printed, lines ending in {@code \n}.
     *
     * @return the JSON text
     */
    public static String json() {
        return write(new SampleProvince().generate());
    }

    // ------------------------------------------------------------------------------ the province

    enum Kind { PROVINCE, DISTRICT, COMMUNE }

    record Unit(String id, String name, Kind level, List<String> roles, String district) {
    }

    record Rec(Unit unit, LocalDate from, LocalDate to, Map<String, Object> metrics) {
    }

    /** The provincial departments and boards addressed as "sở, ban, ngành" (DIC and the press apart). */
    static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"van-phong-ubnd-tinh", "Văn phòng UBND tỉnh"},
            new String[] {"so-noi-vu", "Sở Nội vụ"},
            new String[] {"so-tu-phap", "Sở Tư pháp"},
            new String[] {"so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư"},
            new String[] {"so-tai-chinh", "Sở Tài chính"},
            new String[] {"so-cong-thuong", "Sở Công Thương"},
            new String[] {"so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn"},
            new String[] {"so-giao-thong-van-tai", "Sở Giao thông vận tải"},
            new String[] {"so-xay-dung", "Sở Xây dựng"},
            new String[] {"so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường"},
            new String[] {"so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội"},
            new String[] {"so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch"},
            new String[] {"so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ"},
            new String[] {"so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo"},
            new String[] {"so-y-te", "Sở Y tế"},
            new String[] {"thanh-tra-tinh", "Thanh tra tỉnh"},
            new String[] {"ban-dan-toc", "Ban Dân tộc tỉnh"},
            new String[] {"ban-quan-ly-cac-khu-cong-nghiep", "Ban Quản lý các khu công nghiệp tỉnh"});

    /** Units that take no fees: their payment total is 0 (NOT_APPLICABLE, reading 6). */
    static final Set<String> NO_PAYMENTS = Set.of("thanh-tra-tinh", "ban-dan-toc", "van-phong-ubnd-tinh",
            "bao-dak-nong", "dai-phat-thanh-va-truyen-hinh");

    /** Units with monthly payment records as well as the annual one. */
    static final Set<String> MONTHLY_PAYMENTS = Set.of("thanh-pho-gia-nghia", "so-ke-hoach-va-dau-tu",
            "so-giao-thong-van-tai", "phuong-nghia-thanh");

    /** Districts whose communes have no 2021 payment figure. */
    static final Set<String> NO_2021_BASELINE = Set.of("Đắk Glong", "Tuy Đức");

    /**
     * The district-level units and their communes, wards ("phường") and townships ("thị trấn"),
     * as they stood in 2022: 8 district-level units and 71 commune-level units.
     */
    static final Map<String[], String[]> DISTRICTS = districts();

    private static Map<String[], String[]> districts() {
        Map<String[], String[]> d = new LinkedHashMap<>();
        d.put(new String[] {"thành phố", "Gia Nghĩa"}, new String[] {
            "phường Nghĩa Đức", "phường Nghĩa Phú", "phường Nghĩa Tân", "phường Nghĩa Thành", "phường Nghĩa Trung",
            "phường Quảng Thành", "xã Đắk Nia", "xã Đắk R'Moan"});
        d.put(new String[] {"huyện", "Cư Jút"}, new String[] {
            "thị trấn Ea T'ling", "xã Cư Knia", "xã Đắk D'rông", "xã Đắk Wil", "xã Ea Pô", "xã Nam Dong",
            "xã Tâm Thắng", "xã Trúc Sơn"});
        d.put(new String[] {"huyện", "Krông Nô"}, new String[] {
            "thị trấn Đắk Mâm", "xã Buôn Choáh", "xã Đắk Drô", "xã Đắk Nang", "xã Đắk Sôr", "xã Đức Xuyên",
            "xã Nam Đà", "xã Nam Xuân", "xã Nâm N'Đir", "xã Nâm Nung", "xã Quảng Phú", "xã Tân Thành"});
        d.put(new String[] {"huyện", "Đắk Mil"}, new String[] {
            "thị trấn Đắk Mil", "xã Đắk Gằn", "xã Đắk Lao", "xã Đắk N'Drót", "xã Đắk R'La", "xã Đắk Sắk",
            "xã Đức Mạnh", "xã Đức Minh", "xã Long Sơn", "xã Thuận An"});
        d.put(new String[] {"huyện", "Đắk Song"}, new String[] {
            "thị trấn Đức An", "xã Đắk Hòa", "xã Đắk Môl", "xã Đắk N'Drung", "xã Nam Bình", "xã Nâm N'Jang",
            "xã Thuận Hà", "xã Thuận Hạnh", "xã Trường Xuân"});
        d.put(new String[] {"huyện", "Đắk Glong"}, new String[] {
            "xã Quảng Khê", "xã Đắk Plao", "xã Đắk Ha", "xã Đắk R'Măng", "xã Quảng Hòa", "xã Quảng Sơn",
            "xã Đắk Som"});
        d.put(new String[] {"huyện", "Đắk R'lấp"}, new String[] {
            "thị trấn Kiến Đức", "xã Đạo Nghĩa", "xã Đắk Sin", "xã Đắk Ru", "xã Đắk Wer", "xã Hưng Bình",
            "xã Kiến Thành", "xã Nghĩa Thắng", "xã Nhân Cơ", "xã Nhân Đạo", "xã Quảng Tín"});
        d.put(new String[] {"huyện", "Tuy Đức"}, new String[] {
            "xã Đắk Búk So", "xã Đắk Ngo", "xã Đắk R'Tíh", "xã Quảng Tâm", "xã Quảng Tân", "xã Quảng Trực"});
        return d;
    }

    /** An ASCII slug: "xã Đắk R'Măng" → "xa-dak-rmang". */
    static String slug(String s) {
        String n = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
        return n.replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (String[] d : DEPARTMENTS) {
            units.add(new Unit(d[0], d[1], Kind.PROVINCE, List.of(), null));
        }
        units.add(new Unit("so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông", Kind.PROVINCE,
                List.of("DIC"), null));
        units.add(new Unit("bao-dak-nong", "Báo Đắk Nông", Kind.PROVINCE, List.of("NEWSPAPER"), null));
        units.add(new Unit("dai-phat-thanh-va-truyen-hinh", "Đài Phát thanh và Truyền hình tỉnh Đắk Nông",
                Kind.PROVINCE, List.of("BROADCASTER"), null));
        for (Map.Entry<String[], String[]> e : DISTRICTS.entrySet()) {
            String kind = e.getKey()[0];
            String district = e.getKey()[1];
            units.add(new Unit(slug(kind + " " + district), "UBND " + kind + " " + district, Kind.DISTRICT, List.of(),
                    null));
            for (String commune : e.getValue()) {
                units.add(new Unit(slug(commune), "UBND " + commune + ", " + kind + " " + district, Kind.COMMUNE,
                        List.of(), district));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Unit u : units) {
            if (!ids.add(u.id())) {
                throw new IllegalStateException("two units with the id " + u.id());
            }
        }
        return units;
    }

    // ------------------------------------------------------------------------------ the figures

    private final Random rnd = new Random(SEED);

    private static final LocalDate Y2022 = LocalDate.of(2022, 1, 1);
    private static final LocalDate END2022 = LocalDate.of(2022, 12, 31);

    private int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    /** {@code whole} times {@code basisPoints} / 10000, rounded down. */
    private static long part(long whole, int basisPoints) {
        return whole * basisPoints / 10_000;
    }

    /** A whole that is all there, or short of it by up to {@code maxShortBp} basis points (at least 1). */
    private long mostly(long whole, int fullPercent, int maxShortBp) {
        if (whole == 0 || chance(fullPercent)) {
            return whole;
        }
        return whole - Math.max(1, part(whole, between(1, maxShortBp)));
    }

    List<Rec> generate() {
        List<Rec> records = new ArrayList<>();
        for (Unit u : units()) {
            boolean press = u.roles().contains("NEWSPAPER") || u.roles().contains("BROADCASTER");
            Map<String, Object> m = new LinkedHashMap<>();

            long docs = switch (u.level()) {
                case PROVINCE -> press ? between(1200, 2600) : between(3800, 16000);
                case DISTRICT -> between(9000, 22000);
                case COMMUNE -> between(1100, 3600);
            };
            long electronic = mostly(docs, 55, 180);
            m.put("documents.total", docs);
            m.put("documents.electronic", electronic);
            m.put("documents.signed", mostly(electronic, 50, 300));

            long eligible = switch (u.level()) {
                case PROVINCE -> press ? 0 : between(35, 320);
                case DISTRICT -> between(180, 260);
                case COMMUNE -> between(70, 110);
            };
            long level4 = mostly(eligible, 45, 1200);
            m.put("procedures.eligible", eligible);
            m.put("procedures.level4", level4);
            m.put("procedures.nationalPortal", part(level4, between(4500, 8600)));

            long valid = switch (u.level()) {
                case PROVINCE -> press ? 0 : between(1500, 25000);
                case DISTRICT -> between(5000, 18000);
                case COMMUNE -> between(600, 4000);
            };
            int digitizedBp = switch (u.level()) {
                case PROVINCE -> between(2800, 8000);
                case DISTRICT -> between(2200, 7000);
                case COMMUNE -> between(1500, 6500);
            };
            m.put("results.valid", valid);
            m.put("results.digitized", part(valid, digitizedBp));

            m.put("dossiers.paperRequested", press || chance(78) ? 0L : (long) between(1, 6));

            long l4 = switch (u.level()) {
                case PROVINCE -> press ? 0 : between(800, 12000);
                case DISTRICT -> between(1500, 6000);
                case COMMUNE -> between(150, 1400);
            };
            int l4Bp = switch (u.level()) {
                case PROVINCE -> between(6000, 9700);
                case DISTRICT -> between(3800, 8500);
                case COMMUNE -> between(2000, 7000);
            };
            long l3 = switch (u.level()) {
                case PROVINCE -> press ? 0 : between(300, 6000);
                case DISTRICT -> between(1000, 5000);
                case COMMUNE -> between(200, 2000);
            };
            int l3Bp = switch (u.level()) {
                case PROVINCE -> between(2000, 7000);
                case DISTRICT -> between(1500, 5500);
                case COMMUNE -> between(800, 4500);
            };
            m.put("dossiers.level4.total", l4);
            m.put("dossiers.level4.online", part(l4, l4Bp));
            m.put("dossiers.level3.total", l3);
            m.put("dossiers.level3.online", part(l3, l3Bp));

            long responses = part(l4 + l3, between(3000, 6000));
            m.put("satisfaction.responses", responses);
            m.put("satisfaction.satisfied", part(responses, between(8400, 9900)));

            long payments = NO_PAYMENTS.contains(u.id()) ? 0 : switch (u.level()) {
                case PROVINCE -> between(300, 8000);
                case DISTRICT -> between(800, 4000);
                case COMMUNE -> between(80, 900);
            };
            int rate2022 = between(300, 4500);
            int rate2021 = Math.max(rate2022 / 4, rate2022 - between(-500, 1500));
            List<long[]> months = null;
            if (MONTHLY_PAYMENTS.contains(u.id())) {
                // the units that report monthly are the busy ones: a few hundred payments a month
                months = months(between(1800, 4800), rate2021, rate2022);
                payments = months.stream().mapToLong(x -> x[0]).sum();
                m.put("payments.total", payments);
                m.put("payments.online", months.stream().mapToLong(x -> x[1]).sum());
            } else {
                m.put("payments.total", payments);
                m.put("payments.online", part(payments, rate2022));
            }

            long staff = switch (u.level()) {
                case PROVINCE -> press ? between(40, 90) : between(25, 160);
                case DISTRICT -> between(120, 260);
                case COMMUNE -> between(20, 32);
            };
            m.put("staff.total", staff);
            m.put("staff.withComputer", mostly(staff, 60, 1200));

            m.put("reports.computers.submittedOn", computerReport());

            if (u.roles().contains("DIC")) {
                m.put("systems.required", 9L);
                m.put("systems.connected", 7L);
                m.put("reports.computersConsolidated.submittedOn", LocalDate.of(2022, 3, 30));
                m.put("reports.sectorSystems.submittedOn", LocalDate.of(2022, 3, 31));
                m.put("milestones.reportingSystemUpgraded", false);
                m.put("milestones.dtPortalSection", true);
            }

            List<Long> issues = null;
            if (press) {
                issues = new ArrayList<>();
                for (int month = 1; month <= 12; month++) {
                    issues.add((long) (chance(80) ? between(2, 4) : between(0, 1)));
                }
            }

            pin(u, m, months, issues);

            if (issues != null) {
                m.put("media.dtColumnIssues", issues.stream().mapToLong(Long::longValue).sum());
            }

            // the 2021 baseline, the 2022 annual record, then the months
            boolean baseline = (long) m.get("payments.total") > 0
                    && (u.district() == null || !NO_2021_BASELINE.contains(u.district()));
            if (baseline) {
                long total2021 = months != null ? part((long) m.get("payments.total"), between(7000, 9500))
                        : part((long) m.get("payments.total"), between(7000, 11000));
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("payments.total", total2021);
                b.put("payments.online", part(total2021, rate2021));
                pin2021(u, b);
                records.add(new Rec(u, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), b));
            }
            records.add(new Rec(u, Y2022, END2022, m));
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(2022, month);
                Map<String, Object> mm = new LinkedHashMap<>();
                if (issues != null) {
                    mm.put("media.dtColumnIssues", issues.get(month - 1));
                }
                if (months != null) {
                    mm.put("payments.total", months.get(month - 1)[0]);
                    mm.put("payments.online", months.get(month - 1)[1]);
                }
                if (!mm.isEmpty()) {
                    records.add(new Rec(u, ym.atDay(1), ym.atEndOfMonth(), mm));
                }
            }
        }
        return records;
    }

    /** Twelve months of {total, online} around a year's total, the rate climbing from the 2021 level. */
    private List<long[]> months(long yearTotal, int rate2021, int rate2022) {
        List<long[]> months = new ArrayList<>();
        int start = rate2021 + between(-200, 400);
        int end = rate2022 + (rate2022 - rate2021) / 2;
        for (int month = 1; month <= 12; month++) {
            long total = part(yearTotal / 12, between(7000, 13000));
            int rate = Math.max(0, Math.min(10_000, start + (end - start) * (month - 1) / 11 + between(-350, 350)));
            months.add(new long[] {total, part(total, rate)});
        }
        return months;
    }

    private Object computerReport() {
        int r = rnd.nextInt(100);
        if (r < 70) {
            return LocalDate.of(2022, 2, 21).plusDays(between(0, 21)); // 21/2 .. 14/3: in time
        } else if (r < 78) {
            return LocalDate.of(2022, 3, 15); // on the deadline day: late (reading 3)
        } else if (r < 90) {
            return LocalDate.of(2022, 3, 16).plusDays(between(0, 35));
        }
        return NULL; // not submitted: NOT_MET as of 31/12/2022 (reading 9)
    }

    // ------------------------------------------------------------------------------ exact cases

    /**
     * The units whose figures are set by hand so that they sit exactly on a threshold (or show a
     * reading), with the verdict the directive's text gives. Keys: unit id, target; value: the
     * status expected for the 2022 annual record (or, where said, for a month).
     *
     * @return unit id → target → status, in the order of the sample
     */
    public static Map<String, Map<String, String>> pinned() {
        Map<String, Map<String, String>> p = new LinkedHashMap<>();
        p.put("so-noi-vu", Map.of("COMPUTER_REPORT", "NOT_MET"));
        p.put("so-tu-phap", Map.of("SATISFACTION", "MET"));
        p.put("so-ke-hoach-va-dau-tu", Map.of("DOSSIER_ONLINE_L4", "NOT_MET"));
        p.put("so-tai-nguyen-va-moi-truong", Map.of("RESULT_DIGITIZATION", "MET"));
        p.put("so-khoa-hoc-va-cong-nghe", Map.of("ONLINE_PAYMENT_TREND", "MET"));
        p.put("so-thong-tin-va-truyen-thong", Map.of("COMPUTER_REPORT_CONSOLIDATED", "MET",
                "SECTOR_SYSTEMS_REPORT", "NOT_MET", "REPORTING_SYSTEM_UPGRADE", "PENDING"));
        p.put("thanh-pho-gia-nghia", Map.of("PROC_NATIONAL_PORTAL", "NOT_MET"));
        p.put("huyen-cu-jut", Map.of("RESULT_DIGITIZATION", "MET"));
        p.put("xa-nam-dong", Map.of("DOSSIER_ONLINE_L4", "NOT_MET", "DOSSIER_ONLINE_L3", "NOT_MET"));
        p.put("huyen-krong-no", Map.of("DOSSIER_ONLINE_L3", "NOT_MET"));
        p.put("huyen-dak-mil", Map.of("DOSSIER_ONLINE_L4", "NOT_MET"));
        p.put("xa-quang-son", Map.of("RESULT_DIGITIZATION", "MET"));
        p.put("huyen-tuy-duc", Map.of("COMPUTER_REPORT", "MET"));
        return p;
    }

    private static void pin(Unit u, Map<String, Object> m, List<long[]> months, List<Long> issues) {
        switch (u.id()) {
            // 15/3/2022 itself: "trước ngày 15/3/2022" is strict (reading 3) → NOT_MET
            case "so-noi-vu" -> m.put("reports.computers.submittedOn", LocalDate.of(2022, 3, 15));
            // 1 332 / 1 480 = 90% exactly; "Đạt 90%" is at least → MET
            case "so-tu-phap" -> {
                m.put("satisfaction.responses", 1480L);
                m.put("satisfaction.satisfied", 1332L);
            }
            // 4 320 / 5 400 = 80% exactly; "trên 805" read as more than 80% (reading 1) → NOT_MET
            case "so-ke-hoach-va-dau-tu" -> {
                m.put("dossiers.level4.total", 5400L);
                m.put("dossiers.level4.online", 4320L);
            }
            // 9 100 / 18 200 = 50% exactly; "tối thiểu 50%" → MET
            case "so-tai-nguyen-va-moi-truong" -> {
                m.put("results.valid", 18200L);
                m.put("results.digitized", 9100L);
            }
            // every payment online in 2021 and in 2022: a rate that stays at 100% is met (reading 7)
            case "so-khoa-hoc-va-cong-nghe" -> {
                m.put("payments.total", 212L);
                m.put("payments.online", 212L);
            }
            // 138 / 230 = 60% exactly; "trên 60%" → NOT_MET
            case "thanh-pho-gia-nghia" -> {
                m.put("procedures.eligible", 230L);
                m.put("procedures.level4", 230L);
                m.put("procedures.nationalPortal", 138L);
            }
            // 4 680 / 11 700 = 40% exactly, district "tối thiểu 40%" → MET
            case "huyen-cu-jut" -> {
                m.put("results.valid", 11700L);
                m.put("results.digitized", 4680L);
            }
            // commune: 40% of level 4 and 20% of level 3 exactly, "trên" → both NOT_MET
            case "xa-nam-dong" -> {
                m.put("dossiers.level4.total", 640L);
                m.put("dossiers.level4.online", 256L);
                m.put("dossiers.level3.total", 915L);
                m.put("dossiers.level3.online", 183L);
            }
            // 741 / 2 470 = 30% exactly; "trên 30 tổng số" read as more than 30% (reading 2) → NOT_MET
            case "huyen-krong-no" -> {
                m.put("dossiers.level3.total", 2470L);
                m.put("dossiers.level3.online", 741L);
            }
            // 1 890 / 3 150 = 60% exactly; district "trên 60%" → NOT_MET
            case "huyen-dak-mil" -> {
                m.put("dossiers.level4.total", 3150L);
                m.put("dossiers.level4.online", 1890L);
            }
            // 434 / 1 240 = 35% exactly; commune "tối thiểu 35%" → MET
            case "xa-quang-son" -> {
                m.put("results.valid", 1240L);
                m.put("results.digitized", 434L);
            }
            // 14/3/2022, the last day before the deadline → MET
            case "huyen-tuy-duc" -> m.put("reports.computers.submittedOn", LocalDate.of(2022, 3, 14));
            // Nghĩa Thành ward: June keeps May's rate exactly (a third more payments, a third more
            // online), which is no rise → June NOT_MET
            case "phuong-nghia-thanh" -> {
                long k = months.get(4)[0] / 3;
                long o = months.get(4)[1] / 3;
                months.set(4, new long[] {3 * k, 3 * o});
                months.set(5, new long[] {4 * k, 4 * o});
                m.put("payments.total", months.stream().mapToLong(x -> x[0]).sum());
                m.put("payments.online", months.stream().mapToLong(x -> x[1]).sum());
            }
            // the newspaper: exactly two issues in March (MET), one in August (NOT_MET)
            case "bao-dak-nong" -> {
                issues.set(2, 2L);
                issues.set(7, 1L);
            }
            default -> {
            }
        }
    }

    private static void pin2021(Unit u, Map<String, Object> b) {
        if (u.id().equals("so-khoa-hoc-va-cong-nghe")) {
            b.put("payments.total", 187L);
            b.put("payments.online", 187L);
        }
    }

    // ------------------------------------------------------------------------------ JSON

    static String write(List<Rec> records) {
        StringBuilder s = new StringBuilder();
        s.append("{\n");
        s.append("  \"asOf\": \"").append(AS_OF).append("\",\n");
        s.append("  \"ruleSet\": \"dak-nong-2022\",\n");
        s.append("  \"ruleSetVersion\": \"1.0.0\",\n");
        s.append("  \"records\": [");
        for (int i = 0; i < records.size(); i++) {
            Rec r = records.get(i);
            s.append(i == 0 ? "\n" : ",\n");
            s.append("    {\n");
            s.append("      \"unit\": { \"id\": ").append(str(r.unit().id()))
                    .append(", \"name\": ").append(str(r.unit().name()))
                    .append(", \"level\": \"").append(r.unit().level().name()).append("\", \"roles\": [");
            for (int k = 0; k < r.unit().roles().size(); k++) {
                s.append(k == 0 ? "" : ", ").append(str(r.unit().roles().get(k)));
            }
            s.append("] },\n");
            s.append("      \"period\": { \"from\": \"").append(r.from()).append("\", \"to\": \"").append(r.to())
                    .append("\" },\n");
            s.append("      \"metrics\": {");
            String group = null;
            boolean first = true;
            for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
                String g = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
                if (first) {
                    s.append("\n        ");
                } else if (g.equals(group)) {
                    s.append(", ");
                } else {
                    s.append(",\n        ");
                }
                first = false;
                group = g;
                s.append(str(e.getKey())).append(": ").append(value(e.getValue()));
            }
            s.append(first ? "}\n" : "\n      }\n");
            s.append("    }");
        }
        s.append("\n  ]\n}\n");
        return s.toString();
    }

    private static String value(Object v) {
        if (v instanceof LocalDate d) {
            return "\"" + d + "\"";
        }
        return String.valueOf(v); // Long, Boolean, NULL
    }

    private static String str(String v) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
