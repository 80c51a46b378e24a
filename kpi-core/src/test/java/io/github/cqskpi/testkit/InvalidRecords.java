package io.github.cqskpi.testkit;

import io.github.cqskpi.ErrorCode;
import io.github.cqskpi.Level;
import io.github.cqskpi.UnitRecord;
import io.github.cqskpi.testkit.InvalidRequest.ExpectedError;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Builds requests with one kind of bad record: a valid record written as contract JSON, then
 * one problem put in, at a JSON Pointer that the expected error names.
 */
final class InvalidRecords {

    /** The codes bad input can earn; RULE_FAILED comes from a failing rule, never from input. */
    static final List<ErrorCode> CODES = java.util.Arrays.stream(ErrorCode.values())
            .filter(c -> c != ErrorCode.RULE_FAILED).toList();

    private static final Set<String> RECORD_FIELDS = Set.of("unit", "period", "metrics");
    private static final Set<String> UNIT_FIELDS = Set.of("id", "name", "level", "roles");
    private static final Set<String> PERIOD_FIELDS = Set.of("from", "to");

    private final Catalogue c;
    private final KpiArbitraries kit;
    private final List<String> counts = new ArrayList<>();
    private final List<String> dates = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();

    InvalidRecords(Catalogue c, KpiArbitraries kit) {
        this.c = c;
        this.kit = kit;
        c.keys.forEach((k, kind) -> {
            switch (kind) {
                case COUNT -> counts.add(k);
                case DATE -> dates.add(k);
                case FLAG -> flags.add(k);
                default -> {
                }
            }
        });
    }

    /** A bad record: the JSON of record 0 as changed, and its errors' paths relative to the record. */
    private record Bad(Json.Obj record, List<String> paths) {
        static Bad at(Json.Obj record, String path) {
            return new Bad(record, List.of(path));
        }
    }

    Arbitrary<InvalidRequest> of(ErrorCode code) {
        return Combinators.combine(kit.asOfDates(), kit.units(), kit.periods(), kit.metricDraws(), bad(code),
                        Arbitraries.of(true, false), kit.unitRecords(LocalDate.of(2022, 1, 1)))
                .as((asOf, unit, period, draws, change, neighbour, other) -> {
                    UnitRecord base = new UnitRecord(unit, period, kit.metricsOf(draws, asOf));
                    Json.Obj rec = ContractJson.record(base);
                    Bad b = change.apply(rec, base, asOf);
                    List<Object> records = new ArrayList<>();
                    List<ExpectedError> errors = new ArrayList<>();
                    records.add(b.record());
                    for (String p : b.paths()) {
                        errors.add(new ExpectedError(0, "/records/0" + p, code));
                    }
                    if (code == ErrorCode.DUPLICATE_RECORD) {
                        records.add(ContractJson.record(base));
                        errors.add(new ExpectedError(1, "/records/1", code));
                    }
                    if (neighbour) {
                        UnitRecord ok = new UnitRecord(new io.github.cqskpi.Unit("ok_neighbour",
                                other.unit().name(), other.unit().level(), other.unit().roles()), other.period(),
                                other.metrics());
                        records.add(ContractJson.record(ok));
                    }
                    Json.Obj request = new Json.Obj().put("asOf", asOf.toString()).put("ruleSet", c.info.ref().id())
                            .put("ruleSetVersion", c.info.ref().version()).put("records", records);
                    return new InvalidRequest(code, Json.write(request), errors, records.size());
                });
    }

    @FunctionalInterface
    private interface Change {
        Bad apply(Json.Obj record, UnitRecord base, LocalDate asOf);
    }

    private static Json.Obj unit(Json.Obj rec) {
        return (Json.Obj) rec.get("unit");
    }

    private static Json.Obj period(Json.Obj rec) {
        return (Json.Obj) rec.get("period");
    }

    private static Json.Obj metrics(Json.Obj rec) {
        return (Json.Obj) rec.get("metrics");
    }

    /** RFC 6901: "~" as "~0", "/" as "~1". */
    static String segment(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }

    private Arbitrary<Change> bad(ErrorCode code) {
        return switch (code) {
            case INVALID_TYPE -> Arbitraries.oneOf(
                    Combinators.combine(Arbitraries.of(counts), Arbitraries.of(new Json.Raw("12.5"), new Json.Raw("1e3"),
                            new Json.Raw("0.0"), "12", true, null, List.of(), new Json.Obj()))
                            .as((k, v) -> (rec, base, asOf) -> {
                                metrics(rec).replace(k, v);
                                return Bad.at(rec, "/metrics/" + segment(k));
                            }),
                    Arbitraries.of(7L, true, List.of("x")).map(v -> (rec, base, asOf) -> {
                        unit(rec).replace("id", v);
                        return Bad.at(rec, "/unit/id");
                    }),
                    Arbitraries.of(List.of(), "metrics", 3L).map(v -> (rec, base, asOf) -> {
                        rec.replace("metrics", v);
                        return Bad.at(rec, "/metrics");
                    }),
                    Arbitraries.of(20220101L, null).map(v -> (rec, base, asOf) -> {
                        period(rec).replace("to", v);
                        return Bad.at(rec, "/period/to");
                    }),
                    flagsOrDates());
            case OUT_OF_RANGE -> Arbitraries.oneOf(
                    Combinators.combine(Arbitraries.of(counts), Arbitraries.oneOf(
                                    Arbitraries.longs().between(1, Long.MAX_VALUE).map(n -> BigInteger.valueOf(n).negate()),
                                    Arbitraries.longs().between(0, Long.MAX_VALUE)
                                            .map(n -> BigInteger.valueOf(KpiArbitraries.MAX_COUNT + 1).add(BigInteger.valueOf(n)))))
                            .as((k, v) -> (rec, base, asOf) -> {
                                metrics(rec).replace(k, v);
                                return Bad.at(rec, "/metrics/" + segment(k));
                            }),
                    Arbitraries.just((rec, base, asOf) -> {
                        unit(rec).replace("id", "");
                        return Bad.at(rec, "/unit/id");
                    }));
            case INVALID_DATE -> {
                Arbitrary<String> badDays = Arbitraries.of("2022-02-29", "2022-02-30", "2021-13-01", "2022-00-10",
                        "2022-04-31", "2022-1-05", "20220105", "2022/01/05", "05-01-2022", "2022-01-05T00:00", " 2022-01-05",
                        "", "yesterday", "+2022-01-05");
                yield Arbitraries.oneOf(
                        Combinators.combine(Arbitraries.of("from", "to"), badDays).as((f, v) -> (rec, base, asOf) -> {
                            period(rec).replace(f, v);
                            return Bad.at(rec, "/period/" + f);
                        }),
                        Combinators.combine(Arbitraries.of(dates.isEmpty() ? List.of("") : dates), badDays)
                                .as((k, v) -> (rec, base, asOf) -> {
                                    if (k.isEmpty()) {
                                        period(rec).replace("from", v);
                                        return Bad.at(rec, "/period/from");
                                    }
                                    metrics(rec).replace(k, v);
                                    return Bad.at(rec, "/metrics/" + segment(k));
                                }));
            }
            case MISSING_FIELD -> Arbitraries.of(
                    change((rec, base, asOf) -> Bad.at(rec.remove("unit"), "/unit")),
                    change((rec, base, asOf) -> Bad.at(rec.remove("period"), "/period")),
                    change((rec, base, asOf) -> Bad.at(rec.remove("metrics"), "/metrics")),
                    change((rec, base, asOf) -> {
                        unit(rec).remove("id");
                        return Bad.at(rec, "/unit/id");
                    }),
                    change((rec, base, asOf) -> {
                        unit(rec).remove("level");
                        return Bad.at(rec, "/unit/level");
                    }),
                    change((rec, base, asOf) -> {
                        period(rec).remove("from");
                        return Bad.at(rec, "/period/from");
                    }),
                    change((rec, base, asOf) -> {
                        period(rec).remove("to");
                        return Bad.at(rec, "/period/to");
                    }));
            case UNKNOWN_FIELD -> Combinators.combine(Arbitraries.of("", "/unit", "/period"), fieldNames())
                    .as((where, name) -> (rec, base, asOf) -> {
                        Json.Obj o = where.isEmpty() ? rec : where.equals("/unit") ? unit(rec) : period(rec);
                        Set<String> known = where.isEmpty() ? RECORD_FIELDS : where.equals("/unit") ? UNIT_FIELDS
                                : PERIOD_FIELDS;
                        String n = known.contains(name) ? name + "_" : name;
                        o.put(n, 1L);
                        return Bad.at(rec, where + "/" + segment(n));
                    });
            case UNKNOWN_METRIC -> fieldNames().map(name -> (rec, base, asOf) -> {
                String k = "x." + name;
                metrics(rec).put(k, 1L);
                return Bad.at(rec, "/metrics/" + segment(k));
            });
            case INVALID_LEVEL -> Arbitraries.of("province", "Province", "WARD", "CITY", "", " COMMUNE", "COMMUNE ",
                    "DISTRICT_", "TỈNH").map(level -> (rec, base, asOf) -> {
                        unit(rec).replace("level", level);
                        return Bad.at(rec, "/unit/level");
                    });
            case INVALID_ROLE -> fieldNames().map(name -> (rec, base, asOf) -> {
                String role = "NOT_A_ROLE" + name;
                @SuppressWarnings("unchecked")
                List<Object> roles = new ArrayList<>((List<Object>) unit(rec).get("roles"));
                roles.add(role);
                unit(rec).replace("roles", roles);
                return Bad.at(rec, "/unit/roles/" + (roles.size() - 1));
            });
            case ROLE_LEVEL_MISMATCH -> {
                List<Tuple.Tuple2<String, Level>> pairs = new ArrayList<>();
                for (Map.Entry<String, Set<Level>> e : c.roles.entrySet()) {
                    for (Level l : Level.values()) {
                        if (!e.getValue().contains(l)) {
                            pairs.add(Tuple.of(e.getKey(), l));
                        }
                    }
                }
                if (pairs.isEmpty()) {
                    throw new IllegalArgumentException("rule set " + c.info.ref().id() + " has no role that a level may not hold");
                }
                yield Arbitraries.of(pairs).map(p -> (rec, base, asOf) -> {
                    unit(rec).replace("level", p.get2().name());
                    unit(rec).replace("roles", List.of(p.get1()));
                    return Bad.at(rec, "/unit/roles/0");
                });
            }
            case PART_EXCEEDS_WHOLE -> Combinators.combine(Arbitraries.of(new ArrayList<>(c.wholeOf.keySet())),
                            Arbitraries.longs().between(0, KpiArbitraries.MAX_COUNT - 1), Arbitraries.longs().between(1, 1000))
                    .as((part, whole, more) -> (rec, base, asOf) -> {
                        long p = Math.min(KpiArbitraries.MAX_COUNT, whole + more);
                        rec.replace("metrics", new Json.Obj().put(c.wholeOf.get(part), whole).put(part, p));
                        return Bad.at(rec, "/metrics/" + segment(part));
                    });
            case PERIOD_REVERSED -> Arbitraries.integers().between(1, 800).map(days -> (rec, base, asOf) -> {
                period(rec).replace("from", base.period().to().plusDays(days).toString());
                return Bad.at(rec, "/period");
            });
            case SUBMITTED_AFTER_AS_OF -> {
                if (dates.isEmpty()) {
                    throw new IllegalArgumentException("rule set " + c.info.ref().id() + " has no date key");
                }
                yield Combinators.combine(Arbitraries.of(dates), Arbitraries.integers().between(1, 800))
                        .as((k, days) -> (rec, base, asOf) -> {
                            metrics(rec).replace(k, asOf.plusDays(days).toString());
                            return Bad.at(rec, "/metrics/" + segment(k));
                        });
            }
            case DUPLICATE_KEY -> Arbitraries.oneOf(
                    Arbitraries.of(counts).map(k -> (rec, base, asOf) -> {
                        Object v = metrics(rec).get(k);
                        metrics(rec).put(k, v == null ? 1L : v).put(k, 2L);
                        return Bad.at(rec, "/metrics/" + segment(k));
                    }),
                    Arbitraries.of("id", "level").map(f -> (rec, base, asOf) -> {
                        unit(rec).put(f, unit(rec).get(f));
                        return Bad.at(rec, "/unit/" + f);
                    }),
                    Arbitraries.of("from", "to").map(f -> (rec, base, asOf) -> {
                        period(rec).put(f, period(rec).get(f));
                        return Bad.at(rec, "/period/" + f);
                    }));
            case DUPLICATE_RECORD -> Arbitraries.just((rec, base, asOf) -> Bad.at(rec, ""));
            case ID_TOO_LONG -> Combinators.combine(Arbitraries.integers().between(201, 400), Arbitraries.of("a", "ư", "😀"))
                    .as((n, ch) -> (rec, base, asOf) -> {
                        unit(rec).replace("id", ch.repeat(n));
                        return Bad.at(rec, "/unit/id");
                    });
            case RULE_FAILED -> throw new IllegalArgumentException(
                    "RULE_FAILED comes from a rule that fails, not from input");
        };
    }

    private static Change change(Change c) {
        return c;
    }

    /** INVALID_TYPE on a flag or date key, when the rule set has one. */
    private Arbitrary<Change> flagsOrDates() {
        List<Arbitrary<Change>> out = new ArrayList<>();
        if (!flags.isEmpty()) {
            out.add(Combinators.combine(Arbitraries.of(flags), Arbitraries.of("true", 1L, null))
                    .as((k, v) -> (rec, base, asOf) -> {
                        metrics(rec).replace(k, v);
                        return Bad.at(rec, "/metrics/" + segment(k));
                    }));
        }
        if (!dates.isEmpty()) {
            out.add(Combinators.combine(Arbitraries.of(dates), Arbitraries.of(20220310L, true, List.of()))
                    .as((k, v) -> (rec, base, asOf) -> {
                        metrics(rec).replace(k, v);
                        return Bad.at(rec, "/metrics/" + segment(k));
                    }));
        }
        out.add(Arbitraries.just((rec, base, asOf) -> {
            unit(rec).replace("level", 1L);
            return Bad.at(rec, "/unit/level");
        }));
        return Arbitraries.oneOf(out);
    }

    /** Field names, some needing escapes in a JSON Pointer. */
    private static Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("a/b", "~", "~1", "x~/y", "Tổng", "code", "\"q\"", " "));
    }
}
