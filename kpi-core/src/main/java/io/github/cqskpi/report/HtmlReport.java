package io.github.cqskpi.report;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Level;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Message;
import io.github.cqskpi.Period;
import io.github.cqskpi.Ratio;
import io.github.cqskpi.RecordError;
import io.github.cqskpi.RejectedRecord;
import io.github.cqskpi.ResultListener;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.Summary;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.SourceDocument;
import io.github.cqskpi.Status;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.TargetResult;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.LocalDate;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A response as one self-contained web page for people who lead: the rule set and its
 * fingerprint, the totals, a chart a target, a table a level of units by targets, the other
 * periods, and the rejected records with their errors.
 *
 * <p>Vietnamese first, English one tap away (two radio buttons and CSS: no script). Nothing is
 * fetched: the style sheet and the charts (SVG) are inline, the fonts are the reader's own. Every
 * text from the request or the response is escaped. The same response gives the same bytes: no
 * clock, no random, no hash order.
 */
final class HtmlReport implements ResultListener {

    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter VI_MONTH = DateTimeFormatter.ofPattern("MM/yyyy", Locale.ROOT);

    /** Chart geometry, in SVG units. */
    private static final int CHART_WIDTH = 340;
    private static final int BAR_X = 74;
    private static final int BAR_WIDTH = 150;
    private static final int ROW_HEIGHT = 26;

    /** The order of a bar's parts: the verdicts first, what was not judged last. */
    private static final List<Status> BAR_ORDER = List.of(Status.MET, Status.NOT_MET, Status.PENDING,
            Status.INSUFFICIENT_DATA, Status.NOT_APPLICABLE);

    private final KpiEngine engine;
    private final Writer out;
    private final int maxRecords;
    private RuleSetRef ref;
    private LocalDate asOf;
    private RuleSetInfo ruleSet;
    private Summary totals;
    private final List<String> targets = new ArrayList<>();
    private final Map<String, TargetInfo> info = new LinkedHashMap<>();
    /** Evaluated records with a result, by period in order of first appearance. */
    private final Map<Period, PeriodSums> periods = new LinkedHashMap<>();
    /** Each evaluated record's detail, for the tables, in request order. */
    private final Later rows = new Later();
    /** Each rejected record's errors, in request order. */
    private final Later errors = new Later();
    private long records;
    /** Each evaluated record's place in {@link #rows} and what ranks it: a few numbers a unit. */
    private final List<RowRef> refs = new ArrayList<>();
    private long errorCount;
    private Period main;
    private Html h;

    /** The sums of one period's records: per level, the records and each target's results. */
    private final class PeriodSums {
        final Map<Level, LevelSums> levels = new EnumMap<>(Level.class);
        int rows;

        LevelSums level(Level l) {
            return levels.computeIfAbsent(l, k -> new LevelSums());
        }
    }

    /** One level's records in one period. */
    private final class LevelSums {
        int rows;
        /** Records with a judged result, and with none. */
        int judgedRows;
        int quietRows;
        final List<TargetSums> targets = new ArrayList<>();

        TargetSums target(int i) {
            while (targets.size() <= i) {
                targets.add(new TargetSums());
            }
            return targets.get(i);
        }

        boolean present(int i) {
            return i < targets.size() && targets.get(i).results > 0;
        }

        boolean judged(int i) {
            return i < targets.size() && targets.get(i).judged > 0;
        }
    }

    /** One target's results among one level's records in one period. */
    private static final class TargetSums {
        int results;
        int judged;
        final EnumMap<Status, Integer> counts = new EnumMap<>(Status.class);
        BigInteger part = BigInteger.ZERO;
        BigInteger whole = BigInteger.ZERO;
        boolean ratios;
        final Set<Requirement> required = new LinkedHashSet<>();

        void add(TargetSums o) {
            results += o.results;
            judged += o.judged;
            o.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
            part = part.add(o.part);
            whole = whole.add(o.whole);
            ratios |= o.ratios;
            required.addAll(o.required);
        }
    }

    /** Where a record's detail starts in {@link #rows}, with what ranks it. */
    private record RowRef(long offset, Period period, Level level, String name, int met, int decided, long totalGap,
            boolean notMet) {
    }

    /** One evaluated record as a table shows it, read back from {@link #rows}. */
    private record Row(int record, String unitId, String name, Period period, Level level, boolean judged,
            TargetResultView[] results) {

        /** Targets met and targets judged (met or not met). */
        int[] score() {
            int met = 0;
            int decided = 0;
            for (TargetResultView t : results) {
                if (t != null) {
                    met += t.status() == Status.MET ? 1 : 0;
                    decided += t.status() == Status.MET || t.status() == Status.NOT_MET ? 1 : 0;
                }
            }
            return new int[] {met, decided};
        }
    }

    /** What a table cell shows of one result. */
    private record TargetResultView(Status status, String messageVi, String messageEn, Message shortActual,
            Long gap) {
    }

    HtmlReport(KpiEngine engine, Writer out, int maxRecords) {
        this.engine = engine;
        this.out = out;
        this.maxRecords = maxRecords;
    }

    @Override
    public void start(RuleSetRef ref, LocalDate asOf) {
        this.ref = ref;
        this.asOf = asOf;
        this.ruleSet = Reports.ruleSet(engine, ref);
        for (TargetInfo t : ruleSet.targets()) {
            info.put(t.id(), t);
            if (!t.informational()) {
                targets.add(t.id());
            }
        }
    }

    private void count() throws IOException {
        if (++records > maxRecords) {
            rows.close();
            errors.close();
            throw new ReportTooLargeException(ReportFormat.HTML, maxRecords);
        }
    }

    @Override
    public void evaluated(int record, List<TargetResult> results) throws IOException {
        count();
        if (results.isEmpty()) {
            return;
        }
        TargetResult first = results.get(0);
        PeriodSums ps = periods.computeIfAbsent(first.period(), k -> new PeriodSums());
        ps.rows++;
        LevelSums ls = ps.level(first.level());
        ls.rows++;
        boolean judged = false;
        for (TargetResult t : results) {
            judged |= judged(t.status());
        }
        if (judged) {
            ls.judgedRows++;
        } else {
            ls.quietRows++;
        }
        long offset = rows.position();
        int met = 0;
        int decided = 0;
        long totalGap = 0;
        boolean notMet = false;
        for (TargetResult t : results) {
            met += t.status() == Status.MET ? 1 : 0;
            decided += t.status() == Status.MET || t.status() == Status.NOT_MET ? 1 : 0;
            notMet |= t.status() == Status.NOT_MET;
            totalGap += t.gap().map(g -> Math.abs(g.change())).orElse(0L);
        }
        refs.add(new RowRef(offset, first.period(), first.level(), first.unitName().orElse(first.unitId()), met, decided,
                totalGap, notMet));
        java.io.DataOutputStream d = rows.data();
        d.writeInt(record);
        rows.string(first.unitId());
        rows.string(first.unitName().orElse(null));
        d.writeInt(first.level().ordinal());
        d.writeLong(first.period().from().toEpochDay());
        d.writeLong(first.period().to().toEpochDay());
        d.writeBoolean(judged);
        d.writeInt(results.size());
        for (TargetResult t : results) {
            int i = targets.indexOf(t.target());
            if (i < 0) {
                targets.add(t.target());
                i = targets.size() - 1;
            }
            TargetSums ts = ls.target(i);
            ts.results++;
            ts.judged += judged(t.status()) ? 1 : 0;
            ts.counts.merge(t.status(), 1, Integer::sum);
            if (t.actual().isPresent() && t.actual().get() instanceof Measurement.OfRatio r) {
                ts.part = ts.part.add(BigInteger.valueOf(r.ratio().numerator()));
                ts.whole = ts.whole.add(BigInteger.valueOf(r.ratio().denominator()));
                ts.ratios = true;
            }
            t.required().ifPresent(ts.required::add);
            d.writeInt(i);
            d.writeInt(t.status().ordinal());
            rows.string(t.message().vi());
            rows.string(t.message().en());
            Optional<Message> f = Figures.shortActual(t.actual());
            rows.string(f.map(Message::vi).orElse(null));
            rows.string(f.map(Message::en).orElse(null));
            d.writeBoolean(t.gap().isPresent());
            d.writeLong(t.gap().map(g -> g.change()).orElse(0L));
        }
    }

    @Override
    public void rejected(RejectedRecord r) throws IOException {
        count();
        for (RecordError e : r.errors()) {
            errorCount++;
            java.io.DataOutputStream d = errors.data();
            d.writeInt(e.record());
            errors.string(r.unitName().orElse(null));
            errors.string(e.unitId().orElse(r.unitId().orElse(null)));
            errors.string(e.code().name());
            errors.string(e.path());
            errors.string(e.message());
        }
    }

    @Override
    public void end(Summary summary) throws IOException {
        try {
            this.totals = summary;
            this.main = mainPeriod();
            this.h = new Html(out);
            page();
            h.flush();
            out.flush();
        } finally {
            rows.close();
            errors.close();
        }
    }

    /** The rows of the tables, read back in request order, those that {@code keep} keeps. */
    private void eachRow(java.util.function.Predicate<Row> keep, RowAction action) throws IOException {
        try (DataInputStream in = rows.read()) {
            while (true) {
                Row row;
                try {
                    row = readRow(in);
                } catch (EOFException e) {
                    return;
                }
                if (keep.test(row)) {
                    action.accept(row);
                }
            }
        }
    }

    /** One row, read from where it starts. */
    private Row rowAt(long offset) throws IOException {
        try (DataInputStream in = rows.readAt(offset)) {
            return readRow(in);
        }
    }

    private Row readRow(DataInputStream in) throws IOException {
        int record = in.readInt();
        String unitId = Later.string(in);
        String name = Later.string(in);
        Level level = Level.values()[in.readInt()];
        Period period = new Period(LocalDate.ofEpochDay(in.readLong()), LocalDate.ofEpochDay(in.readLong()));
        boolean judged = in.readBoolean();
        int n = in.readInt();
        TargetResultView[] results = new TargetResultView[targets.size()];
        for (int k = 0; k < n; k++) {
            int i = in.readInt();
            Status st = Status.values()[in.readInt()];
            String vi = Later.string(in);
            String en = Later.string(in);
            String shortVi = Later.string(in);
            String shortEn = Later.string(in);
            boolean hasGap = in.readBoolean();
            long gap = in.readLong();
            results[i] = new TargetResultView(st, vi, en, shortVi == null ? null : new Message(shortVi, shortEn),
                    hasGap ? gap : null);
        }
        return new Row(record, unitId, name, period, level, judged, results);
    }

    private interface RowAction {
        void accept(Row row) throws IOException;
    }

    /** The period most evaluated records cover; on a tie the later, then the longer one. */
    private Period mainPeriod() {
        return periods.entrySet().stream()
                .max(Comparator.<Map.Entry<Period, PeriodSums>>comparingInt(e -> e.getValue().rows)
                        .thenComparing(e -> e.getKey().to())
                        .thenComparing(e -> e.getKey().from(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static String name(Row row) {
        return row.name() != null ? row.name() : row.unitId();
    }

    private Message title(String target) {
        TargetInfo t = info.get(target);
        return t == null ? new Message(target, target) : t.title();
    }

    private Message shortTitle(String target) {
        TargetInfo t = info.get(target);
        return t == null ? new Message(target, target) : t.shortTitle();
    }

    private int number(String target) {
        return targets.indexOf(target) + 1;
    }

    // ---------------------------------------------------------------- the page

    private void page() throws IOException {
        String rs = ref.id() + "@" + ref.version();
        h.raw("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .raw("<meta name=\"generator\" content=\"CQS KPI\"/>\n")
                .raw("<title>").text("Báo cáo chỉ tiêu Chính quyền số \u2014 " + rs + " \u2014 " + asOf)
                .raw("</title>\n<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n")
                .raw("<input type=\"radio\" name=\"lang\" id=\"lang-vi\" class=\"lang\" checked=\"checked\"/>\n")
                .raw("<input type=\"radio\" name=\"lang\" id=\"lang-en\" class=\"lang\"/>\n")
                .raw("<div class=\"page\">\n");
        header(rs);
        contents();
        h.raw("<main>\n");
        summary();
        charts();
        for (Level level : Level.values()) {
            levelTable(level);
        }
        otherPeriods();
        rejected();
        h.raw("</main>\n");
        footer(rs);
        h.raw("</div>\n</body>\n</html>\n");
    }

    private void header(String rs) {
        SourceDocument src = ruleSet.source();
        h.raw("<header>\n<div class=\"langbar\"><label for=\"lang-vi\">Tiếng Việt</label>")
                .raw("<label for=\"lang-en\">English</label></div>\n<h1>")
                .both("Báo cáo chỉ tiêu Chính quyền số", "Digital government targets report")
                .raw("</h1>\n<p class=\"lead\">").both(ruleSet.title()).raw("</p>\n<dl class=\"meta\">\n<dt>")
                .both("Bộ quy tắc", "Rule set").raw("</dt><dd><code>").text(rs).raw("</code></dd>\n<dt>")
                .both("Số liệu tính đến", "As of").raw("</dt><dd>")
                .both(Figures.viDay(asOf), asOf.toString()).raw("</dd>\n");
        if (main != null) {
            h.raw("<dt>").both("Kỳ báo cáo chính", "Main period").raw("</dt><dd>").both(period(main)).raw("</dd>\n");
        }
        h.raw("<dt>").both("Văn bản", "Source").raw("</dt><dd>").text(src.issuer())
                .text(src.number().isEmpty() ? "" : ", " + src.number()).raw(", ")
                .both("ngày " + Figures.viDay(src.date()), src.date().toString()).raw("</dd>\n<dt>SHA-256</dt>")
                .raw("<dd><code class=\"sha\">").text(ref.sha256()).raw("</code></dd>\n</dl>\n")
                .raw("</header>\n");
    }

    /** Links to the sections, so that a reader on a phone reaches a level's table in one tap. */
    private void contents() {
        h.raw("<nav class=\"toc\">\n<a href=\"#summary\">").both("Tổng quan", "Summary")
                .raw("</a>\n<a href=\"#targets\">").both("Theo chỉ tiêu", "By target").raw("</a>\n");
        PeriodSums inMain = main == null ? null : periods.get(main);
        for (Level level : Level.values()) {
            if (inMain != null && inMain.levels.containsKey(level)) {
                h.raw("<a href=\"#level-").raw(level.name()).raw("\">").both(Figures.words(level)).raw("</a>\n");
            }
        }
        if (periods.keySet().stream().anyMatch(p -> !p.equals(main))) {
            h.raw("<a href=\"#other-periods\">").both("Các kỳ khác", "Other periods").raw("</a>\n");
        }
        h.raw("<a href=\"#rejected\">").both("Bị từ chối", "Rejected").raw(" (").num(totals.rejected())
                .raw(")</a>\n</nav>\n");
    }

    private void summary() {
        var s = totals;
        h.raw("<section id=\"summary\">\n<h2>").both("Tổng quan", "Summary").raw("</h2>\n<div class=\"cards\">\n");
        card("", s.records(), new Message("Bản ghi", "Records"));
        card("", s.evaluated(), new Message("Đã đánh giá", "Evaluated"));
        card(s.rejected() > 0 ? " rej" : "", s.rejected(), new Message("Bị từ chối", "Rejected"));
        h.raw("</div>\n<h3>").both("Kết quả theo trạng thái", "Results by status").raw("</h3>\n<div class=\"cards\">\n");
        for (Status st : Status.values()) {
            card(" " + css(st), s.byStatus().get(st), new Message(Figures.mark(st) + " " + Figures.words(st).vi(),
                    Figures.mark(st) + " " + Figures.words(st).en()));
        }
        h.raw("</div>\n<p class=\"note\">")
                .both("Mỗi ô trong bảng mang một dấu: ", "Every cell carries a mark: ");
        for (Status st : Status.values()) {
            h.raw("<span class=\"key ").raw(css(st)).raw("\">").text(Figures.mark(st)).raw("</span> ")
                    .both(Figures.words(st)).raw("; ");
        }
        h.both("ô trống: chỉ tiêu không áp dụng cho đơn vị.", "blank: the target does not address the unit.")
                .raw("</p>\n</section>\n");
    }

    private void card(String cls, long n, Message label) {
        h.raw("<div class=\"card").raw(cls).raw("\"><b>").num(n).raw("</b>").both(label).raw("</div>\n");
    }

    // ---------------------------------------------------------------- charts

    private void charts() {
        h.raw("<section id=\"targets\">\n<h2>").both("Theo chỉ tiêu", "By target").raw("</h2>\n<p class=\"note\">");
        if (main != null) {
            h.both("Tỷ lệ đơn vị đạt ở mỗi cấp, kỳ " + period(main).vi() + ".",
                    "Share of units that met each target, by level, period " + period(main).en() + ".");
        }
        h.raw("</p>\n<div class=\"charts\">\n");
        for (String target : targets) {
            // A target judged per month (say) has no verdict on the main period's records: chart
            // its records of the shorter periods within the main one instead, and say so.
            int ti0 = targets.indexOf(target);
            boolean shorter = !judgedIn(p -> p.equals(main), ti0) && judgedIn(this::within, ti0);
            Map<Level, TargetSums> byLevel = new EnumMap<>(Level.class);
            for (Map.Entry<Period, PeriodSums> pe : periods.entrySet()) {
                if (!(shorter ? within(pe.getKey()) : pe.getKey().equals(main))) {
                    continue;
                }
                for (Map.Entry<Level, LevelSums> le : pe.getValue().levels.entrySet()) {
                    if (le.getValue().present(ti0)) {
                        byLevel.computeIfAbsent(le.getKey(), k -> new TargetSums()).add(le.getValue().target(ti0));
                    }
                }
            }
            Map<Level, EnumMap<Status, Integer>> counts = new EnumMap<>(Level.class);
            byLevel.forEach((level, sums) -> counts.put(level, sums.counts));
            TargetInfo ti = info.get(target);
            h.raw("<figure class=\"chart\" id=\"t-").text(target).raw("\">\n<figcaption><span class=\"no\">")
                    .num(number(target)).raw("</span> ").both(title(target)).raw("<br/><code>").text(target)
                    .raw("</code>");
            if (ti != null) {
                h.raw(" \u00b7 ").both("khoản " + ti.clause(), "clause " + ti.clause());
            }
            h.raw("</figcaption>\n");
            if (shorter) {
                h.raw("<p class=\"note\">").both("Chỉ tiêu theo kỳ ngắn hơn: đếm bản ghi (đơn vị \u00d7 kỳ) trong "
                        + period(main).vi() + ".", "Judged on shorter periods: counts records (unit \u00d7 period)"
                        + " within " + period(main).en() + ".").raw("</p>\n");
            }
            if (counts.isEmpty()) {
                h.raw("<p class=\"note\">").both("Không có đơn vị nào trong kỳ này.", "No unit in this period.")
                        .raw("</p>\n");
            } else {
                svg(counts);
                totals(target, byLevel);
            }
            h.raw("</figure>\n");
        }
        h.raw("</div>\n");
        informational();
        h.raw("</section>\n");
    }

    private void svg(Map<Level, EnumMap<Status, Integer>> counts) {
        int height = counts.size() * ROW_HEIGHT + 4;
        h.raw("<svg class=\"bars\" viewBox=\"0 0 ").num(CHART_WIDTH).raw(" ").num(height).raw("\" width=\"")
                .num(CHART_WIDTH).raw("\" height=\"").num(height).raw("\">\n");
        int i = 0;
        for (Map.Entry<Level, EnumMap<Status, Integer>> e : counts.entrySet()) {
            int y = 4 + i * ROW_HEIGHT;
            EnumMap<Status, Integer> c = e.getValue();
            int total = c.values().stream().mapToInt(Integer::intValue).sum();
            h.raw("<text x=\"0\" y=\"").num(y + 13).raw("\" class=\"lbl\">").svgBoth(Figures.words(e.getKey()))
                    .raw("</text>\n");
            double x = BAR_X;
            for (Status st : BAR_ORDER) {
                int n = c.getOrDefault(st, 0);
                if (n == 0) {
                    continue;
                }
                double w = (double) BAR_WIDTH * n / total;
                h.raw("<rect x=\"").raw(dec(x)).raw("\" y=\"").num(y).raw("\" width=\"").raw(dec(w))
                        .raw("\" height=\"18\" class=\"b ").raw(css(st)).raw("\"/>\n");
                if (w >= 13) {
                    h.raw("<text x=\"").raw(dec(x + w / 2)).raw("\" y=\"").num(y + 13).raw("\" class=\"in ")
                            .raw(css(st)).raw("\">").text(Figures.mark(st)).raw("</text>\n");
                }
                x += w;
            }
            h.raw("<rect x=\"").num(BAR_X).raw("\" y=\"").num(y).raw("\" width=\"").num(BAR_WIDTH)
                    .raw("\" height=\"18\" class=\"frame\"/>\n");
            h.raw("<text x=\"").num(BAR_X + BAR_WIDTH + 6).raw("\" y=\"").num(y + 13).raw("\" class=\"cnt\">");
            boolean first = true;
            for (Status st : BAR_ORDER) {
                int n = c.getOrDefault(st, 0);
                if (n == 0 && st != Status.MET && st != Status.NOT_MET) {
                    continue;
                }
                h.text((first ? "" : " ") + Figures.mark(st)).num(n);
                first = false;
            }
            h.raw("</text>\n");
            i++;
        }
        h.raw("</svg>\n");
    }

    /**
     * Under a ratio target's chart, each level's summed figure: the sum of the units' parts over
     * the sum of their wholes, with the level's figure in force. Shown, never judged: the
     * verdicts are the rule set's.
     */
    private void totals(String target, Map<Level, TargetSums> byLevel) {
        Html li = new Html();
        boolean any = false;
        for (Map.Entry<Level, TargetSums> e : byLevel.entrySet()) {
            BigInteger part = e.getValue().part;
            BigInteger whole = e.getValue().whole;
            boolean ratios = e.getValue().ratios;
            Set<Requirement> required = e.getValue().required;
            if (!ratios || whole.signum() == 0) {
                continue;
            }
            BigDecimal pct = new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                    .divide(new BigDecimal(whole), 2, RoundingMode.HALF_UP);
            Message p = Figures.percentWords(pct);
            Message lvl = Figures.words(e.getKey());
            li.raw("<li>").both(lvl.vi() + ": " + p.vi(), lvl.en() + ": " + p.en());
            if (required.size() == 1) {
                Message q = Figures.required(required.iterator().next());
                li.raw(" (").both("yêu cầu " + q.vi(), "required " + q.en()).raw(")");
            }
            // The level's own gap, on its summed counts, as the response's roll-up states it.
            totals.levels().stream()
                    .filter(l -> l.level() == e.getKey() && l.period().equals(main) && l.target().equals(target))
                    .findFirst().flatMap(l -> l.gap())
                    .ifPresent(g -> li.raw(" \u2014 <span class=\"gap\">").both(gapWords(g.change())).raw("</span>"));
            li.raw("</li>\n");
            any = true;
        }
        if (any) {
            h.raw("<p class=\"agg-h\">").both("Tỷ lệ chung của cấp (cộng số liệu các đơn vị):",
                    "Level as a whole (the units' counts summed):").raw("</p>\n<ul class=\"agg\">\n")
                    .raw(li.toString()).raw("</ul>\n");
        }
    }

    private void informational() {
        List<TargetInfo> duties = ruleSet.targets().stream().filter(TargetInfo::informational).toList();
        if (duties.isEmpty()) {
            return;
        }
        h.raw("<details class=\"duties\">\n<summary>")
                .both("Nhiệm vụ không có chỉ tiêu đo được (" + duties.size() + ")",
                        "Duties with no measurable figure (" + duties.size() + ")")
                .raw("</summary>\n<ul>\n");
        for (TargetInfo t : duties) {
            h.raw("<li><code>").text(t.id()).raw("</code> ").both(t.title()).raw(" (")
                    .both("khoản " + t.clause(), "clause " + t.clause()).raw(")</li>\n");
        }
        h.raw("</ul>\n</details>\n");
    }

    // ---------------------------------------------------------------- tables

    /** Whether a target has a judged result in the records of the periods {@code which} takes. */
    private boolean judgedIn(java.util.function.Predicate<Period> which, int target) {
        for (Map.Entry<Period, PeriodSums> pe : periods.entrySet()) {
            if (which.test(pe.getKey())
                    && pe.getValue().levels.values().stream().anyMatch(l -> l.judged(target))) {
                return true;
            }
        }
        return false;
    }

    private void levelTable(Level level) throws IOException {
        LevelSums sums = main == null || periods.get(main) == null ? null : periods.get(main).levels.get(level);
        if (sums == null || sums.rows == 0) {
            return;
        }
        List<RowRef> ranked = worstFirst(refs.stream().filter(r -> r.level() == level && r.period().equals(main))
                .toList());
        Map<RowRef, Integer> rank = ranks(ranked);
        Message words = Figures.words(level);
        h.raw("<section id=\"level-").raw(level.name()).raw("\" class=\"level\">\n<h2>").both(words)
                .raw("</h2>\n<p class=\"note\">")
                .both(sums.rows + " đơn vị, kỳ " + period(main).vi() + ". Xếp từ thấp lên: số chỉ tiêu đạt trên"
                        + " số chỉ tiêu được đánh giá, rồi tổng mức còn thiếu.",
                        sums.rows + " units, period " + period(main).en() + ". Worst first: targets met out of"
                                + " those judged, then the total still missing.")
                .raw("</p>\n");
        attention(ranked, rank);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (sums.present(i)) {
                columns.add(targets.get(i));
            }
        }
        table(action -> {
            for (RowRef r : ranked) {
                action.accept(rowAt(r.offset()), rank.get(r));
            }
        }, columns, false, true);
        h.raw("</section>\n");
    }

    /** How many units the "needs attention" list shows, at most. */
    private static final int ATTENTION = 5;

    /**
     * The bottom units of a level, each with its unmet targets and what each would take: the
     * first thing a leader reads about a level, before the full table.
     */
    private void attention(List<RowRef> ranked, Map<RowRef, Integer> rank) throws IOException {
        List<RowRef> bottom = ranked.stream().filter(RowRef::notMet).limit(ATTENTION).toList();
        if (bottom.isEmpty()) {
            h.raw("<p class=\"note good\">").both("Mọi đơn vị đạt mọi chỉ tiêu được đánh giá.",
                    "Every unit met every target judged.").raw("</p>\n");
            return;
        }
        h.raw("<div class=\"attn\">\n<h3>").both("Cần chú ý", "Needs attention").raw(" <small>")
                .both(bottom.size() + " đơn vị thấp nhất", "the " + bottom.size() + " lowest units")
                .raw("</small></h3>\n<ol class=\"attn-list\">\n");
        for (RowRef ref : bottom) {
            Row r = rowAt(ref.offset());
            int[] score = r.score();
            h.raw("<li><div class=\"who\"><span class=\"rank\">").num(rank.get(ref)).raw("</span> <b>")
                    .text(name(r)).raw("</b> <span class=\"sc\">").num(score[0]).raw("/").num(score[1])
                    .raw(" ").both("đạt", "met").raw("</span></div>\n<ul class=\"unmet\">");
            for (int i = 0; i < targets.size(); i++) {
                TargetResultView t = r.results()[i];
                if (t == null || t.status() != Status.NOT_MET) {
                    continue;
                }
                h.raw("<li><span class=\"tn\">").both(shortTitle(targets.get(i))).raw("</span>");
                if (t.shortActual() != null) {
                    h.raw(" <span class=\"f\">").both(t.shortActual()).raw("</span>");
                }
                if (t.gap() != null) {
                    h.raw(" <span class=\"gap\">").both(gapWords(t.gap())).raw("</span>");
                }
                h.raw("</li>");
            }
            h.raw("</ul></li>\n");
        }
        h.raw("</ol>\n</div>\n");
    }

    /** "cần thêm 4" / "4 more", "cần giảm 3" / "3 fewer". */
    private static Message gapWords(long change) {
        long n = Math.abs(change);
        return change > 0 ? new Message("cần thêm " + n, n + " more") : new Message("cần giảm " + n, n + " fewer");
    }

    /** Orders scores met/judged exactly (no division); nothing judged comes after everything judged. */
    private static int compareScores(int[] a, int[] b) {
        if (a[1] == 0 || b[1] == 0) {
            return Boolean.compare(a[1] != 0, b[1] != 0);
        }
        return Long.compare((long) a[0] * b[1], (long) b[0] * a[1]);
    }

    /** Worst first: the lower score, then the larger total gap, then the name. Nothing judged goes last. */
    private static List<RowRef> worstFirst(List<RowRef> list) {
        List<RowRef> out = new ArrayList<>(list);
        out.sort((a, b) -> {
            int[] sa = {a.met(), a.decided()};
            int[] sb = {b.met(), b.decided()};
            if ((sa[1] == 0) != (sb[1] == 0)) {
                return sa[1] == 0 ? 1 : -1;
            }
            int c = compareScores(sa, sb);
            if (c != 0) {
                return c;
            }
            c = Long.compare(b.totalGap(), a.totalGap());
            return c != 0 ? c : a.name().compareTo(b.name());
        });
        return out;
    }

    /** Each row's rank by score, 1 the best; equal scores share a rank. */
    private static Map<RowRef, Integer> ranks(List<RowRef> worstFirst) {
        List<RowRef> best = new ArrayList<>(worstFirst);
        java.util.Collections.reverse(best);
        Map<RowRef, Integer> out = new java.util.IdentityHashMap<>();
        int rank = 0;
        int[] previous = null;
        for (int i = 0; i < best.size(); i++) {
            int[] s = {best.get(i).met(), best.get(i).decided()};
            if (previous == null || compareScores(s, previous) != 0) {
                rank = i + 1;
            }
            previous = s;
            out.put(best.get(i), rank);
        }
        return out;
    }

    private void otherPeriods() throws IOException {
        if (periods.keySet().stream().allMatch(p -> p.equals(main))) {
            return;
        }
        h.raw("<section id=\"other-periods\">\n<h2>").both("Các kỳ khác", "Other periods").raw("</h2>\n");
        int quiet = 0;
        for (Level level : Level.values()) {
            int judged = 0;
            boolean[] judgedTargets = new boolean[targets.size()];
            for (Map.Entry<Period, PeriodSums> pe : periods.entrySet()) {
                LevelSums ls = pe.getKey().equals(main) ? null : pe.getValue().levels.get(level);
                if (ls == null) {
                    continue;
                }
                judged += ls.judgedRows;
                quiet += ls.quietRows;
                for (int i = 0; i < targets.size(); i++) {
                    judgedTargets[i] |= ls.judged(i);
                }
            }
            if (judged == 0) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (judgedTargets[i]) {
                    columns.add(targets.get(i));
                }
            }
            Message words = Figures.words(level);
            h.raw("<details>\n<summary>").both(words.vi() + " \u2014 " + judged + " bản ghi",
                    words.en() + " \u2014 " + judged + " records").raw("</summary>\n");
            table(action -> eachRow(r -> r.level() == level && !r.period().equals(main) && r.judged(),
                    r -> action.accept(r, null)), columns, true, false);
            h.raw("</details>\n");
        }
        if (quiet > 0) {
            h.raw("<p class=\"note\">").both(quiet + " bản ghi khác không có chỉ tiêu nào được đánh giá"
                    + " (ví dụ số liệu năm trước để so sánh xu hướng).",
                    quiet + " other records have no target judged (for instance last year's figures, which"
                            + " trends compare against).")
                    .raw("</p>\n");
        }
        h.raw("</section>\n");
    }

    /** Whether a period lies inside the main period and is shorter. */
    private boolean within(Period p) {
        return main != null && !p.equals(main) && !p.from().isBefore(main.from()) && !p.to().isAfter(main.to());
    }

    private static boolean judged(Status s) {
        return s == Status.MET || s == Status.NOT_MET || s == Status.PENDING;
    }

    /**
     * A table of units by targets. With {@code judgedOnly}, as for other periods, only the
     * targets judged in one of the rows get a column.
     */
    /** The rows a table shows, in order, each with its rank or {@code null}. */
    private interface RowSource {
        void each(RankedRow action) throws IOException;
    }

    private interface RankedRow {
        void accept(Row row, Integer rank) throws IOException;
    }

    private void table(RowSource source, List<String> columns, boolean otherPeriods, boolean ranked)
            throws IOException {
        h.raw("<div class=\"scroll\" tabindex=\"0\">\n<table>\n<thead>\n<tr>");
        h.raw("<th class=\"u\" scope=\"col\">");
        if (ranked) {
            h.raw("<span class=\"rank\">#</span> ");
        }
        h.both("Đơn vị", "Unit").raw("</th>");
        if (otherPeriods) {
            h.raw("<th scope=\"col\">").both("Kỳ", "Period").raw("</th>");
        }
        h.raw("<th scope=\"col\" class=\"score\">").both("Đạt", "Met").raw("</th>");
        for (String c : columns) {
            h.raw("<th scope=\"col\" class=\"t\" title=\"").text(c + " \u2014 " + title(c).vi())
                    .raw("\"><a href=\"#t-").text(c).raw("\"><span class=\"no\">").num(number(c)).raw("</span> ")
                    .both(shortTitle(c)).raw("</a></th>");
        }
        h.raw("</tr>\n</thead>\n<tbody>\n");
        Map<String, int[]> perColumn = new LinkedHashMap<>();
        source.each((r, rank) -> {
            int[] score = r.score();
            int met = score[0];
            int decided = score[1];
            h.raw("<tr><th class=\"u\" scope=\"row\" title=\"").text(r.unitId()).raw("\">");
            if (rank != null) {
                h.raw("<span class=\"rank\">").num(rank).raw("</span> ");
            }
            h.text(name(r)).raw("</th>");
            if (otherPeriods) {
                h.raw("<td class=\"per\">").both(period(r.period())).raw("</td>");
            }
            h.raw("<td class=\"score\">").num(met).raw("/").num(decided).raw("</td>");
            for (String c : columns) {
                TargetResultView t = r.results()[targets.indexOf(c)];
                if (t == null) {
                    h.raw("<td class=\"none\"></td>");
                    continue;
                }
                int[] n = perColumn.computeIfAbsent(c, k -> new int[2]);
                n[0] += t.status() == Status.MET ? 1 : 0;
                n[1]++;
                h.raw("<td class=\"").raw(css(t.status())).raw("\" title=\"").text(t.messageVi())
                        .raw(" | ").text(t.messageEn()).raw("\"><span class=\"m\">").text(Figures.mark(t.status()))
                        .raw("</span>");
                if (t.shortActual() != null && t.status() != Status.NOT_APPLICABLE) {
                    h.raw(" <span class=\"f\">").both(t.shortActual()).raw("</span>");
                }
                if (t.gap() != null) {
                    long g = t.gap();
                    h.raw("<span class=\"g\">").text((g > 0 ? "+" : "\u2212") + Math.abs(g)).raw("</span>");
                }
                h.raw("</td>");
            }
            h.raw("</tr>\n");
            h.flushIfLarge();
        });
        h.raw("</tbody>\n<tfoot>\n<tr>");
        h.raw("<th class=\"u\" scope=\"row\">").both("Số đơn vị đạt", "Units that met").raw("</th>");
        if (otherPeriods) {
            h.raw("<td></td>");
        }
        h.raw("<td></td>");
        for (String c : columns) {
            int[] n = perColumn.getOrDefault(c, new int[2]);
            h.raw("<td>").num(n[0]).raw("/").num(n[1]).raw("</td>");
        }
        h.raw("</tr>\n</tfoot>\n</table>\n</div>\n");
    }

    private void rejected() throws IOException {
        h.raw("<section id=\"rejected\">\n<h2>").both("Bản ghi bị từ chối", "Rejected records").raw(" (")
                .num(totals.rejected()).raw(")</h2>\n");
        if (errorCount == 0) {
            h.raw("<p class=\"note\">").both("Không có bản ghi nào bị từ chối.", "No record was rejected.")
                    .raw("</p>\n</section>\n");
            return;
        }
        h.raw("<p class=\"note\">").both("Các bản ghi này không được đánh giá; sửa lỗi rồi gửi lại.",
                "These records were not evaluated; correct them and send them again.").raw("</p>\n")
                .raw("<div class=\"scroll\" tabindex=\"0\">\n<table class=\"errors\">\n<thead>\n<tr><th scope=\"col\">#</th>")
                .raw("<th scope=\"col\">").both("Đơn vị", "Unit").raw("</th><th scope=\"col\">")
                .both("Trường", "Field").raw("</th><th scope=\"col\">").both("Lỗi", "Problem")
                .raw("</th></tr>\n</thead>\n<tbody>\n");
        try (DataInputStream in = errors.read()) {
            for (long k = 0; k < errorCount; k++) {
                int record = in.readInt();
                String name = Later.string(in);
                String id = Later.string(in);
                String code = Later.string(in);
                String path = Later.string(in);
                String message = Later.string(in);
                h.raw("<tr><td>").num(record).raw("</td><td class=\"l\">");
                if (name != null) {
                    h.text(name).raw("<br/>");
                }
                Message field = FieldWords.field(path, ruleSet == null ? Map.of() : ruleSet.labels());
                // A plain name starts the line with a capital; a key nobody declared stays as written.
                Message shown = field.vi().equals(field.en()) ? field : new Message(capital(field.vi()), field.en());
                h.raw("<code class=\"ptr\">").text(id == null ? "" : id).raw("</code></td><td class=\"l\"><b>")
                        .both(shown).raw("</b><br/><code class=\"ptr\">").text(path)
                        .raw("</code></td><td class=\"l\">")
                        .raw("<span class=\"vi\" lang=\"vi\">").text(capital(FieldWords.problem(ErrorCode.valueOf(code))))
                        .raw(".").raw("<br/><small>").text(message).raw("</small></span><span class=\"en\" lang=\"en\">")
                        .text(message).raw("</span><br/><code class=\"ptr\">").text(code)
                        .raw("</code></td></tr>\n");
                h.flushIfLarge();
            }
        }
        h.raw("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private void footer(String rs) {
        h.raw("<footer>\n<p>").both("Lập bởi CQS KPI từ bộ quy tắc ", "Made by CQS KPI from rule set ")
                .raw("<code>").text(rs).raw("</code>. ")
                .both("Mọi kết luận đạt / không đạt do bộ quy tắc tính trên số liệu gốc; tỷ lệ chung của cấp chỉ để"
                        + " tham khảo.",
                        "Every met / not met verdict is the rule set's, computed on the counts; a level's summed"
                                + " figure is shown for reference only.")
                .raw("</p>\n</footer>\n");
    }

    // ---------------------------------------------------------------- small parts

    private static Message period(Period p) {
        if (p.isOneCalendarMonth()) {
            return new Message("tháng " + VI_MONTH.format(p.from()), EN_MONTH.format(p.from()));
        }
        if (p.from().getDayOfYear() == 1 && p.to().getYear() == p.from().getYear()
                && p.to().getDayOfYear() == p.to().lengthOfYear()) {
            return new Message("năm " + p.from().getYear(), Integer.toString(p.from().getYear()));
        }
        return new Message(Figures.viDay(p.from()) + " \u2013 " + Figures.viDay(p.to()), p.from() + " to " + p.to());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String css(Status s) {
        return switch (s) {
            case MET -> "s-met";
            case NOT_MET -> "s-notmet";
            case PENDING -> "s-pending";
            case NOT_APPLICABLE -> "s-na";
            case INSUFFICIENT_DATA -> "s-nodata";
        };
    }

    private static String dec(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{margin:0;font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\","
                    + "Arial,sans-serif;color:#1b1f24;background:#eef1f5}",
            ".lang{position:absolute;opacity:0;width:1px;height:1px}",
            "#lang-vi:checked~.page .en{display:none}",
            "#lang-en:checked~.page .vi{display:none}",
            ".page{max-width:1400px;margin:0 auto;padding:10px}",
            "header{background:#0b3d91;color:#fff;padding:12px 14px;border-radius:10px}",
            "header h1{margin:4px 0;font-size:1.3em;line-height:1.25}",
            ".lead{margin:0 0 6px;font-size:.9em;opacity:.92}",
            ".langbar{display:flex;justify-content:flex-end;gap:6px}",
            ".langbar label{border:1px solid #fff;border-radius:14px;padding:2px 10px;cursor:pointer;font-size:.85em}",
            "#lang-vi:checked~.page label[for=lang-vi],#lang-en:checked~.page label[for=lang-en]"
                    + "{background:#fff;color:#0b3d91;font-weight:600}",
            "#lang-vi:focus-visible~.page label[for=lang-vi],#lang-en:focus-visible~.page label[for=lang-en]"
                    + "{outline:3px solid #ffbf47}",
            ".meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0 0;font-size:.85em}",
            ".meta dt{opacity:.8}",
            ".meta dd{margin:0;overflow-wrap:anywhere}",
            "code{font-family:ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.9em}",
            ".sha{font-size:.8em}",
            ".toc{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0 0}",
            ".toc a{background:#fff;border:1px solid #c8d1dc;border-radius:14px;padding:3px 10px;color:#0b3d91;"
                    + "text-decoration:none;font-size:.85em}",
            "section{background:#fff;border-radius:10px;padding:12px;margin:10px 0;box-shadow:0 1px 2px #0002}",
            "h2{font-size:1.15em;margin:0 0 6px}",
            "h3{font-size:1em;margin:10px 0 6px}",
            ".note{font-size:.85em;color:#444;margin:6px 0}",
            ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(104px,1fr));gap:6px}",
            ".card{border-radius:8px;padding:6px 8px;background:#eef1f5;font-size:.85em}",
            ".card b{display:block;font-size:1.6em;line-height:1.2}",
            ".card.rej{background:#fde2e1;color:#7f1d1d}",
            ".key{display:inline-block;min-width:1.5em;text-align:center;border-radius:4px;font-weight:700}",
            ".s-met{background:#d8f0dc;color:#14532d}",
            ".s-notmet{background:#fbdcda;color:#8a1c1c}",
            ".s-pending{background:#fff0bf;color:#6b4e00}",
            ".s-na{background:#f1f2f4;color:#555}",
            ".s-nodata{background:#ebe5f7;color:#4b2e83}",
            ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(340px,100%),1fr));gap:8px}",
            "figure{margin:0;border:1px solid #dde2e8;border-radius:8px;padding:8px}",
            "figcaption{font-weight:600;font-size:.9em;margin-bottom:4px}",
            "figcaption code{font-weight:400;color:#555;font-size:.8em}",
            ".no{display:inline-block;min-width:1.6em;text-align:center;background:#0b3d91;color:#fff;"
                    + "border-radius:10px;font-size:.85em;margin-right:2px}",
            "svg.bars{display:block;width:100%;max-width:460px;height:auto}",
            "svg text{font-size:12px;font-family:inherit}",
            "svg .lbl{fill:#1b1f24}",
            "svg .cnt{fill:#333;font-size:11px}",
            "svg .in{text-anchor:middle;font-weight:700;font-size:11px}",
            "svg rect.s-met{fill:#2e7d32}svg text.s-met{fill:#fff}",
            "svg rect.s-notmet{fill:#c62828}svg text.s-notmet{fill:#fff}",
            "svg rect.s-pending{fill:#f2b705}svg text.s-pending{fill:#3a2a00}",
            "svg rect.s-nodata{fill:#9b87c9}svg text.s-nodata{fill:#fff}",
            "svg rect.s-na{fill:#c9cdd3}svg text.s-na{fill:#333}",
            "svg .frame{fill:none;stroke:#6b7280;stroke-width:.6}",
            ".agg-h{font-size:.8em;color:#444;margin:6px 0 0}",
            ".agg{margin:2px 0 0;padding-left:1.2em;font-size:.85em}",
            ".duties{margin-top:10px;font-size:.9em}",
            "summary{cursor:pointer;font-weight:600;padding:4px 0}",
            ".scroll{overflow:auto;-webkit-overflow-scrolling:touch;max-width:100%;max-height:85vh;"
                    + "border:1px solid #e3e7ec;border-radius:6px}",
            "table{border-collapse:separate;border-spacing:0;font-size:.76em}",
            "th,td{border-bottom:1px solid #e3e7ec;border-right:1px solid #e3e7ec;padding:2px 3px;"
                    + "text-align:center;white-space:nowrap}",
            "thead th{background:#f6f7f9;position:sticky;top:0;z-index:1}",
            "thead th.t{white-space:normal;min-width:4.6em;max-width:6.2em;vertical-align:bottom;font-size:.92em;"
                    + "line-height:1.15;font-weight:600}",
            "th.t .no{font-size:.8em;min-width:1.8em}",
            "td .g{display:block;font-size:.88em;font-weight:700}",
            ".rank{display:inline-block;min-width:1.9em;text-align:center;background:#e3e7ec;color:#1b1f24;"
                    + "border-radius:9px;font-size:.82em;font-weight:700}",
            ".attn{background:#fff6f5;border:1px solid #f1c4c0;border-radius:8px;padding:6px 10px;margin:6px 0 10px}",
            ".attn h3{margin:2px 0 4px;color:#8a1c1c}",
            ".attn h3 small{font-weight:400;color:#555;font-size:.8em}",
            ".attn-list{margin:0;padding:0;list-style:none}",
            ".attn-list>li{padding:5px 0;border-top:1px solid #f1d9d6}",
            ".attn .rank{background:#8a1c1c;color:#fff}",
            ".who{font-size:.95em}",
            ".sc{color:#555;font-size:.85em;white-space:nowrap}",
            ".unmet{margin:3px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:3px 5px;font-size:.8em}",
            ".unmet li{background:#fbdcda;color:#5c1212;border-radius:6px;padding:1px 6px}",
            ".unmet .f{color:#333}",
            ".unmet .gap,.agg .gap{font-weight:700}",
            ".good{color:#14532d}",
            "code.ptr{font-size:.78em;color:#555;overflow-wrap:anywhere}",
            "table.errors{font-size:.85em}",
            "table.errors td.l{min-width:12em}",
            "@media (max-width:700px){table.errors thead{display:none}"
                    + "table.errors,table.errors tbody,table.errors tr,table.errors td{display:block;min-width:0}"
                    + "table.errors tr{padding:6px 4px;border-bottom:2px solid #c8d1dc}"
                    + "table.errors td,table.errors td.l{border:0;padding:1px 2px;text-align:left;min-width:0}"
                    + "table.errors td:first-child{font-weight:700}"
                    + "table.errors td:first-child::before{content:\"#\"}}",
            "th a{color:#0b3d91;text-decoration:none;font-weight:700}",
            "th.u{position:sticky;left:0;z-index:1;background:#fff;text-align:left;white-space:normal;"
                    + "min-width:8.5em;max-width:11em;font-weight:500;line-height:1.25}",
            "thead th.u{z-index:3;background:#f6f7f9;vertical-align:bottom}",
            "tfoot td,tfoot th{background:#f6f7f9;font-weight:600}",
            "td .m{font-weight:700}",
            "td .f{font-size:.92em}",
            "td.score{font-weight:600}",
            "td.none{background:#fff}",
            "td.l{text-align:left;white-space:normal;min-width:10em}",
            "table.errors td{vertical-align:top}",
            "footer{font-size:.8em;color:#555;padding:4px 8px 16px}",
            "@media (min-width:800px){body{font-size:16px}.page{padding:16px}header h1{font-size:1.6em}}",
            "@media print{.langbar{display:none}section{box-shadow:none}}",
            "");
}
