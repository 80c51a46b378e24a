package io.github.cqskpi.internal;

import io.github.cqskpi.Measurement;
import io.github.cqskpi.Message;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Reason;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Puts a verdict in words: the reason's text (English) and the result's message in Vietnamese
 * and English. Words only; no figure here decides anything.
 */
final class Wording {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Wording() {
    }

    static Reason reason(Verdict v, TargetDef t, RecordState r, LoadedRuleSet rs) {
        ReasonCode code = v.reason();
        String text = switch (code) {
            case OUTSIDE_WINDOW -> "no figure of " + t.id() + " is in force for a period ending " + r.period().to()
                    + " (in force: " + rs.windows(t) + ")";
            case MISSING_KEYS -> "the record lacks " + String.join(" and ", v.missingKeys());
            case ZERO_DENOMINATOR -> denominator(t) + " is 0: nothing to measure";
            case NO_PREVIOUS_RECORD -> noPrevious(t, r);
            case NOT_ONE_CALENDAR_MONTH -> "the period " + r.period().from() + ".." + r.period().to()
                    + " is not exactly one calendar month, and the figure is per month";
            case NOT_YET_DUE -> "not submitted yet; due before " + ((Requirement.Deadline) v.required()).date()
                    + " and the evaluation date " + r.asOf() + " is earlier";
            case NOT_YET_DONE -> "not done yet; the text sets no day by which it fails";
        };
        return new Reason(code, text, v.missingKeys());
    }

    private static String denominator(TargetDef t) {
        if (t.measure() instanceof Measure.OfRatio m) {
            return m.denominator();
        }
        if (t.measure() instanceof Measure.OfTrend m) {
            return m.denominator();
        }
        return "the whole";
    }

    private static String noPrevious(TargetDef t, RecordState r) {
        LocalDate dayBefore = r.period().from().minusDays(1);
        int n = r.previous().size();
        if (n == 0) {
            return "no valid record of unit " + r.record().unitId() + " ends on " + dayBefore + ", the day before"
                    + " this period starts";
        }
        if (n > 1) {
            return n + " valid records of unit " + r.record().unitId() + " end on " + dayBefore
                    + "; the previous record must be exactly one";
        }
        return "the previous record (ending " + dayBefore + noPreviousLacks(t);
    }

    /** The end of the reason when the one previous record cannot be compared with. */
    static String noPreviousLacks(TargetDef t) {
        return ") lacks " + t.measure().describe().replace(" against the previous period", "") + " or has "
                + denominator(t) + " 0";
    }

    /** The start of a result's message: the target's title and the status in words. */
    static String head(TargetDef t, Status status, boolean vi) {
        return vi ? t.title().vi() + ": " + statusVi(status) + " — " : t.title().en() + ": " + statusEn(status) + " — ";
    }

    static Message message(TargetDef t, Status status, Measurement actual, Requirement required, Reason reason) {
        String detailVi;
        String detailEn;
        if (reason == null || reason.code() == ReasonCode.NOT_YET_DUE || reason.code() == ReasonCode.NOT_YET_DONE) {
            detailVi = measuredVi(actual) + requiredVi(required);
            detailEn = measuredEn(actual) + requiredEn(required);
        } else {
            detailVi = reasonVi(reason);
            detailEn = reason.text();
        }
        return new Message(head(t, status, true) + detailVi, head(t, status, false) + detailEn);
    }

    private static String statusVi(Status s) {
        return switch (s) {
            case MET -> "đạt";
            case NOT_MET -> "không đạt";
            case PENDING -> "đang chờ";
            case NOT_APPLICABLE -> "không áp dụng";
            case INSUFFICIENT_DATA -> "thiếu dữ liệu";
        };
    }

    private static String statusEn(Status s) {
        return switch (s) {
            case MET -> "met";
            case NOT_MET -> "not met";
            case PENDING -> "pending";
            case NOT_APPLICABLE -> "not applicable";
            case INSUFFICIENT_DATA -> "insufficient data";
        };
    }

    static String reasonVi(Reason r) {
        return switch (r.code()) {
            case OUTSIDE_WINDOW -> "không có chỉ tiêu áp dụng cho kỳ báo cáo này";
            case MISSING_KEYS -> "thiếu số liệu " + String.join(", ", r.keys());
            case ZERO_DENOMINATOR -> "mẫu số bằng 0, không có gì để đo";
            case NO_PREVIOUS_RECORD -> "không có đúng một kỳ liền trước có số liệu để so sánh";
            case NOT_ONE_CALENDAR_MONTH -> "kỳ báo cáo không đúng một tháng dương lịch";
            case NOT_YET_DUE, NOT_YET_DONE -> "";
        };
    }

    private static String measuredEn(Measurement m) {
        if (m instanceof Measurement.OfRatio r) {
            return ratioEn(r.ratio());
        } else if (m instanceof Measurement.OfCount c) {
            return c.value() + "";
        } else if (m instanceof Measurement.OfDate d) {
            return d.date() == null ? "not submitted" : "submitted on " + d.date();
        } else if (m instanceof Measurement.OfFlag f) {
            return f.done() ? "done" : "not done";
        } else if (m instanceof Measurement.OfTrend t) {
            return "rate " + ratioEn(t.current()) + " against " + ratioEn(t.previous()) + " before";
        }
        return "";
    }

    private static String measuredVi(Measurement m) {
        if (m instanceof Measurement.OfRatio r) {
            return ratioVi(r.ratio());
        } else if (m instanceof Measurement.OfCount c) {
            return c.value() + "";
        } else if (m instanceof Measurement.OfDate d) {
            return d.date() == null ? "chưa nộp" : "nộp ngày " + VI_DATE.format(d.date());
        } else if (m instanceof Measurement.OfFlag f) {
            return f.done() ? "đã hoàn thành" : "chưa hoàn thành";
        } else if (m instanceof Measurement.OfTrend t) {
            return "tỷ lệ " + ratioVi(t.current()) + " so với " + ratioVi(t.previous()) + " kỳ trước";
        }
        return "";
    }

    private static String ratioEn(Ratio r) {
        if (r == null) {
            return "none";
        }
        return r.numerator() + " of " + r.denominator() + r.percent().map(p -> " (" + p.toPlainString() + "%)").orElse("");
    }

    private static String ratioVi(Ratio r) {
        if (r == null) {
            return "không có";
        }
        return r.numerator() + "/" + r.denominator()
                + r.percent().map(p -> " (" + p.toPlainString().replace('.', ',') + "%)").orElse("");
    }

    static String requiredEn(Requirement q) {
        if (q instanceof Requirement.Percent p) {
            return "; required " + opEn(p.operator()) + " " + plain(p.percent()) + "%";
        } else if (q instanceof Requirement.Count c) {
            return "; required " + opEn(c.operator()) + " " + c.value();
        } else if (q instanceof Requirement.Deadline d) {
            return "; due before " + d.date();
        } else if (q instanceof Requirement.Done) {
            return "; required: done";
        } else if (q instanceof Requirement.Rises) {
            return "; required: the rate rises";
        }
        return "";
    }

    static String requiredVi(Requirement q) {
        if (q instanceof Requirement.Percent p) {
            return "; yêu cầu " + opVi(p.operator()) + " " + plain(p.percent()).replace('.', ',') + "%";
        } else if (q instanceof Requirement.Count c) {
            return "; yêu cầu " + opVi(c.operator()) + " " + c.value();
        } else if (q instanceof Requirement.Deadline d) {
            return "; hạn trước ngày " + VI_DATE.format(d.date());
        } else if (q instanceof Requirement.Done) {
            return "; yêu cầu: hoàn thành";
        } else if (q instanceof Requirement.Rises) {
            return "; yêu cầu: tỷ lệ tăng";
        }
        return "";
    }

    private static String opEn(Operator op) {
        return switch (op) {
            case GREATER_THAN -> "more than";
            case AT_LEAST -> "at least";
            case EQUAL -> "exactly";
            default -> op.symbol();
        };
    }

    private static String opVi(Operator op) {
        return switch (op) {
            case GREATER_THAN -> "trên";
            case AT_LEAST -> "tối thiểu";
            case EQUAL -> "bằng";
            default -> op.symbol();
        };
    }

    static String plain(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
