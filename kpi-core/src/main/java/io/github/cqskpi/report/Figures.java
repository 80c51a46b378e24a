package io.github.cqskpi.report;

import io.github.cqskpi.Level;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Message;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The words and figures both reports show: statuses, levels, measured and required figures. */
final class Figures {

    private static final DateTimeFormatter VI_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter VI_DAY_SHORT = DateTimeFormatter.ofPattern("dd/MM", Locale.ROOT);
    private static final DateTimeFormatter EN_DAY_SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private Figures() {
    }

    /** The mark a status is shown with, so that it never rests on colour alone. */
    static String mark(Status s) {
        return switch (s) {
            case MET -> "\u2713";
            case NOT_MET -> "\u2717";
            case PENDING -> "\u25D4";
            case NOT_APPLICABLE -> "\u2013";
            case INSUFFICIENT_DATA -> "?";
        };
    }

    /** The status in words; the Vietnamese words are those of the engine's messages. */
    static Message words(Status s) {
        return switch (s) {
            case MET -> new Message("Đạt", "Met");
            case NOT_MET -> new Message("Không đạt", "Not met");
            case PENDING -> new Message("Đang chờ", "Pending");
            case NOT_APPLICABLE -> new Message("Không áp dụng", "Not applicable");
            case INSUFFICIENT_DATA -> new Message("Thiếu dữ liệu", "Insufficient data");
        };
    }

    /** The level in words. */
    static Message words(Level level) {
        return switch (level) {
            case PROVINCE -> new Message("Cấp tỉnh", "Province");
            case DISTRICT -> new Message("Cấp huyện", "District");
            case COMMUNE -> new Message("Cấp xã", "Commune");
        };
    }

    /** A day as people in Viet Nam write it: 31/12/2022. */
    static String viDay(LocalDate d) {
        return VI_DAY.format(d);
    }

    /** The contract's percent: two decimals, half-up; empty when the whole is 0. */
    static String percent(Ratio r) {
        return r.percent().map(BigDecimal::toPlainString).orElse("");
    }

    /** The required figure: {@code 80%}, {@code 2}, {@code 2022-03-15}, or empty for done and rises. */
    static String requiredFigure(Requirement q) {
        return q.accept(new Requirement.Visitor<String>() {
            @Override
            public String percent(Requirement.Percent p) {
                return p.percent().toPlainString() + "%";
            }

            @Override
            public String count(Requirement.Count c) {
                return Long.toString(c.value());
            }

            @Override
            public String deadline(Requirement.Deadline d) {
                return d.date().toString();
            }

            @Override
            public String done(Requirement.Done d) {
                return "";
            }

            @Override
            public String rises(Requirement.Rises r) {
                return "";
            }
        });
    }

    /** The required figure in words for people: {@code > 80%}, {@code ≥ 2}, {@code < 15/03/2022}. */
    static Message required(Requirement q) {
        String op = switch (q.operator()) {
            case GREATER_THAN -> ">";
            case AT_LEAST -> "\u2265";
            case EQUAL -> "=";
            case BEFORE -> "<";
            case DONE, RISES -> "";
        };
        return q.accept(new Requirement.Visitor<Message>() {
            @Override
            public Message percent(Requirement.Percent p) {
                String en = p.percent().toPlainString();
                return new Message(op + " " + en.replace('.', ',') + "%", op + " " + en + "%");
            }

            @Override
            public Message count(Requirement.Count c) {
                return new Message(op + " " + c.value(), op + " " + c.value());
            }

            @Override
            public Message deadline(Requirement.Deadline d) {
                return new Message("trước " + viDay(d.date()), "before " + d.date());
            }

            @Override
            public Message done(Requirement.Done d) {
                return new Message("hoàn thành", "done");
            }

            @Override
            public Message rises(Requirement.Rises r) {
                return new Message("tỷ lệ tăng", "the rate rises");
            }
        });
    }

    /** A percent for people, trailing zeros dropped: {@code 62.67%}, {@code 100%}; Vietnamese with a comma. */
    static Message percentWords(BigDecimal percent) {
        BigDecimal p = percent.stripTrailingZeros();
        String en = (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
        return new Message(en.replace('.', ',') + "%", en + "%");
    }

    /** A ratio for people: its percent, or {@code 0/0} when nothing was measured. */
    static Message ratioWords(Ratio r) {
        return r.percent().map(Figures::percentWords)
                .orElse(new Message(r.numerator() + "/" + r.denominator(), r.numerator() + "/" + r.denominator()));
    }

    /**
     * A short form of what was measured, to sit next to a status mark in a table cell.
     *
     * @param actual the measurement
     * @return the words, or empty when nothing was measured
     */
    static Optional<Message> shortActual(Optional<Measurement> actual) {
        if (actual.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(actual.get().accept(new Measurement.Visitor<Message>() {
            @Override
            public Message ratio(Measurement.OfRatio r) {
                return ratioWords(r.ratio());
            }

            @Override
            public Message count(Measurement.OfCount c) {
                return new Message(Long.toString(c.value()), Long.toString(c.value()));
            }

            @Override
            public Message date(Measurement.OfDate d) {
                if (d.date().isEmpty()) {
                    return new Message("chưa nộp", "not sent");
                }
                return new Message(VI_DAY_SHORT.format(d.date().get()), EN_DAY_SHORT.format(d.date().get()));
            }

            @Override
            public Message flag(Measurement.OfFlag f) {
                return f.done() ? new Message("xong", "done") : new Message("chưa", "not yet");
            }

            @Override
            public Message trend(Measurement.OfTrend t) {
                Message now = ratioWords(t.current());
                String arrow = trendArrow(t.current(), t.previous().orElse(null));
                return new Message(arrow + now.vi(), arrow + now.en());
            }
        }));
    }

    /** {@code ↑}, {@code ↓} or {@code =} from exact arithmetic on the counts; empty when either whole is 0. */
    private static String trendArrow(Ratio current, Ratio previous) {
        if (previous == null || current.denominator() == 0 || previous.denominator() == 0) {
            return "";
        }
        int c = BigInteger.valueOf(current.numerator()).multiply(BigInteger.valueOf(previous.denominator()))
                .compareTo(BigInteger.valueOf(previous.numerator()).multiply(BigInteger.valueOf(current.denominator())));
        return c > 0 ? "\u2191" : c < 0 ? "\u2193" : "=";
    }
}
