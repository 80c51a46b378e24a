package io.github.cqskpi.report;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.Message;
import java.util.Map;

/**
 * The words of a rejected record's error for people who do not read JSON Pointers: the field's
 * plain name (the contract's own fields and metric keys, in Vietnamese) and what is wrong with
 * it. A key a rule set adds is named by the key itself.
 */
final class FieldWords {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("unit", "đơn vị"),
            Map.entry("unit/id", "mã đơn vị"),
            Map.entry("unit/name", "tên đơn vị"),
            Map.entry("unit/level", "cấp của đơn vị"),
            Map.entry("unit/roles", "vai trò của đơn vị"),
            Map.entry("period", "kỳ báo cáo"),
            Map.entry("period/from", "ngày bắt đầu kỳ"),
            Map.entry("period/to", "ngày kết thúc kỳ"),
            Map.entry("metrics", "số liệu"));

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("documents.total", "tổng số văn bản đi, đến"),
            Map.entry("documents.electronic", "số văn bản điện tử"),
            Map.entry("documents.signed", "số văn bản được ký số"),
            Map.entry("procedures.eligible", "số thủ tục đủ điều kiện trực tuyến mức độ 4"),
            Map.entry("procedures.level4", "số thủ tục trực tuyến mức độ 4"),
            Map.entry("procedures.nationalPortal", "số dịch vụ tích hợp lên Cổng Dịch vụ công Quốc gia"),
            Map.entry("results.valid", "số kết quả giải quyết thủ tục còn hiệu lực"),
            Map.entry("results.digitized", "số kết quả đã số hóa"),
            Map.entry("dossiers.paperRequested", "số lần yêu cầu nộp bổ sung hồ sơ giấy"),
            Map.entry("dossiers.level4.total", "tổng số hồ sơ mức độ 4"),
            Map.entry("dossiers.level4.online", "số hồ sơ trực tuyến mức độ 4"),
            Map.entry("dossiers.level3.total", "tổng số hồ sơ mức độ 3"),
            Map.entry("dossiers.level3.online", "số hồ sơ trực tuyến mức độ 3"),
            Map.entry("satisfaction.responses", "số ý kiến đánh giá"),
            Map.entry("satisfaction.satisfied", "số ý kiến hài lòng"),
            Map.entry("payments.total", "tổng số giao dịch thanh toán"),
            Map.entry("payments.online", "số giao dịch thanh toán trực tuyến"),
            Map.entry("staff.total", "tổng số cán bộ, công chức, viên chức"),
            Map.entry("staff.withComputer", "số người có máy vi tính"),
            Map.entry("systems.required", "số hệ thống chuyên ngành cần kết nối"),
            Map.entry("systems.connected", "số hệ thống chuyên ngành đã kết nối"),
            Map.entry("media.dtColumnIssues", "số kỳ chuyên mục Chuyển đổi số"),
            Map.entry("reports.computers.submittedOn", "ngày nộp báo cáo rà soát máy vi tính"),
            Map.entry("reports.computersConsolidated.submittedOn", "ngày nộp báo cáo tổng hợp máy vi tính"),
            Map.entry("reports.sectorSystems.submittedOn", "ngày nộp báo cáo kết nối hệ thống chuyên ngành"),
            Map.entry("milestones.reportingSystemUpgraded", "đã nâng cấp Hệ thống thông tin báo cáo"),
            Map.entry("milestones.dtPortalSection", "đã mở chuyên mục Chuyển đổi số trên Cổng"));

    private FieldWords() {
    }

    /**
     * The field a JSON Pointer of a record's error points at, in words: {@code
     * /records/3/metrics/dossiers.level4.online} is "số hồ sơ trực tuyến mức độ 4".
     *
     * @param path the error's path
     * @return the Vietnamese and English names (English: the contract's own name)
     */
    static Message field(String path) {
        String[] parts = path.split("/", -1);
        // "", "records", N, then the field's segments.
        if (parts.length < 4 || !parts[1].equals("records")) {
            return new Message("cả bản ghi", "the whole record");
        }
        String first = unescape(parts[3]);
        if (first.equals("metrics") && parts.length >= 5) {
            String key = unescape(parts[4]);
            return new Message(KEYS.getOrDefault(key, key), key);
        }
        String two = parts.length >= 5 ? first + "/" + unescape(parts[4]) : first;
        String vi = FIELDS.get(two);
        if (vi == null) {
            vi = FIELDS.getOrDefault(first, two);
        }
        return new Message(vi, two.replace('/', '.'));
    }

    /**
     * What is wrong, in Vietnamese, for the reader who must correct it.
     *
     * @param code the error's code
     * @return the words
     */
    static String problem(ErrorCode code) {
        return switch (code) {
            case INVALID_TYPE -> "sai kiểu dữ liệu (ví dụ chữ hoặc số thập phân ở chỗ cần số nguyên)";
            case OUT_OF_RANGE -> "giá trị ngoài khoảng cho phép (số âm, quá lớn, hoặc chuỗi rỗng)";
            case INVALID_DATE -> "ngày không có thật hoặc không viết dạng YYYY-MM-DD";
            case MISSING_FIELD -> "thiếu trường bắt buộc";
            case UNKNOWN_FIELD -> "trường không có trong mẫu dữ liệu";
            case UNKNOWN_METRIC -> "chỉ số không có trong bộ quy tắc (có thể viết sai tên)";
            case INVALID_LEVEL -> "cấp không hợp lệ (phải là PROVINCE, DISTRICT hoặc COMMUNE)";
            case INVALID_ROLE -> "vai trò không có trong bộ quy tắc";
            case ROLE_LEVEL_MISMATCH -> "vai trò không thuộc cấp của đơn vị";
            case PART_EXCEEDS_WHOLE -> "số phần lớn hơn số tổng của nó";
            case PERIOD_REVERSED -> "ngày bắt đầu kỳ sau ngày kết thúc kỳ";
            case SUBMITTED_AFTER_AS_OF -> "ngày nộp sau ngày tính số liệu";
            case DUPLICATE_KEY -> "một trường được ghi hai lần";
            case DUPLICATE_RECORD -> "trùng đơn vị và kỳ với một bản ghi khác";
            case ID_TOO_LONG -> "mã đơn vị dài quá 200 ký tự";
            case RULE_FAILED -> "lỗi của bộ quy tắc, không phải của số liệu: báo cho người quản lý bộ quy tắc";
        };
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
