package io.github.cqskpi.testkit;

import io.github.cqskpi.EvaluationRequest;
import io.github.cqskpi.MetricValue;
import io.github.cqskpi.UnitRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a typed {@link EvaluationRequest} as the request JSON that {@code docs/CONTRACT.md}
 * fixes, independently of the library's own reader, so that a property can send the same
 * request both ways and compare.
 */
public final class ContractJson {

    private ContractJson() {
    }

    /**
     * The request as contract JSON: {@code asOf}, {@code ruleSet} and {@code ruleSetVersion}
     * when the request gives them, then its records with their metrics in the order given.
     *
     * @param request the request
     * @return the JSON text
     */
    public static String request(EvaluationRequest request) {
        Json.Obj o = new Json.Obj();
        request.asOf().ifPresent(d -> o.put("asOf", d.toString()));
        request.ruleSet().ifPresent(s -> o.put("ruleSet", s));
        request.ruleSetVersion().ifPresent(v -> o.put("ruleSetVersion", v));
        List<Object> records = new ArrayList<>();
        for (UnitRecord r : request.records()) {
            records.add(record(r));
        }
        o.put("records", records);
        return Json.write(o);
    }

    /**
     * The request as contract JSON in UTF-8 bytes, ready for {@code KpiEngine.evaluateJson}.
     *
     * @param request the request
     * @return a stream over the JSON's bytes
     */
    public static InputStream requestStream(EvaluationRequest request) {
        return new ByteArrayInputStream(request(request).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One record as contract JSON.
     *
     * @param r the record
     * @return the JSON text of the record object
     */
    public static String recordJson(UnitRecord r) {
        return Json.write(record(r));
    }

    static Json.Obj record(UnitRecord r) {
        Json.Obj unit = new Json.Obj().put("id", r.unit().id());
        r.unit().name().ifPresent(name -> unit.put("name", name));
        unit.put("level", r.unit().level().name());
        unit.put("roles", new ArrayList<Object>(r.unit().roles()));
        Json.Obj period = new Json.Obj().put("from", r.period().from().toString()).put("to", r.period().to().toString());
        Json.Obj metrics = new Json.Obj();
        for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) {
            metrics.put(e.getKey(), value(e.getValue()));
        }
        return new Json.Obj().put("unit", unit).put("period", period).put("metrics", metrics);
    }

    static Object value(MetricValue v) {
        if (v instanceof MetricValue.Count c) {
            return c.value();
        } else if (v instanceof MetricValue.Day d) {
            return d.date().map(LocalDate::toString).orElse(null);
        } else if (v instanceof MetricValue.Flag f) {
            return f.done();
        }
        throw new IllegalArgumentException("unknown metric value " + v);
    }
}
