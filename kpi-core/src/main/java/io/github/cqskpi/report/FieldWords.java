package io.github.cqskpi.report;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.Message;
import java.util.Map;

/**
 * The words of a rejected record's error for people who do not read JSON Pointers: the field's
 * plain name (the contract's own fields here, a metric key by the label its rule set gives it,
 * {@link io.github.cqskpi.RuleSetInfo#labels()}) and what is wrong with it. A key without a label
 * is named by the key itself.
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

    private FieldWords() {
    }

    /**
     * The field a JSON Pointer of a record's error points at, in words: {@code
     * /records/3/metrics/dossiers.level4.online} is "số hồ sơ trực tuyến mức độ 4".
     *
     * @param path the error's path
     * @param labels the rule set's names for keys, in Vietnamese
     * @return the Vietnamese and English names (English: the contract's own name)
     */
    static Message field(String path, Map<String, String> labels) {
        String[] parts = path.split("/", -1);
        // "", "records", N, then the field's segments.
        if (parts.length < 4 || !parts[1].equals("records")) {
            return new Message("cả bản ghi", "the whole record");
        }
        String first = unescape(parts[3]);
        if (first.equals("metrics") && parts.length >= 5) {
            String key = unescape(parts[4]);
            return new Message(labels.getOrDefault(key, key), key);
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
