package io.github.cqskpi.examples.cli;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.examples.table.TableFiles;
import io.github.cqskpi.examples.table.XlsxRows;
import io.github.cqskpi.table.CsvRows;
import io.github.cqskpi.table.TableLocations;
import io.github.cqskpi.table.TableRows;
import io.github.cqskpi.table.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/** The command line's tables: the input format of {@code evaluate}, and {@code template}. */
final class TableCommands {

    private TableCommands() {
    }

    /**
     * The format of {@code evaluate}'s input: {@code --input-format}, else the file's extension,
     * else JSON.
     */
    static String inputFormat(Optional<String> given, Optional<String> input) {
        if (given.isPresent()) {
            String f = given.get();
            if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx")) {
                throw new Main.UsageException("--input-format must be json, csv or xlsx, not \"" + f + "\"");
            }
            return f;
        }
        String name = input.map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".xlsx")) {
            return "xlsx";
        }
        return "json";
    }

    static TableRows open(String format, Optional<String> input, InputStream stdin) throws IOException {
        if (input.isPresent()) {
            Path p = Path.of(input.get());
            if (!Files.exists(p)) {
                throw new NoSuchFileException(input.get());
            }
            if (format.equals("xlsx")) {
                // A FIFO or /dev/stdin is read as a stream; a file where it is.
                return Files.isRegularFile(p) ? XlsxRows.open(p.toFile()) : XlsxRows.open(Files.newInputStream(p));
            }
            return new CsvRows(Files.newInputStream(p));
        }
        return format.equals("xlsx") ? XlsxRows.open(stdin) : new CsvRows(stdin);
    }

    /** A table as its JSON twin's bytes, and where each record came from. */
    record Twin(byte[] json, TableLocations locations, RequestOverrides overrides) {
    }

    static Twin twin(KpiEngine engine, TableRows rows, RequestOverrides overrides) throws IOException {
        RuleSetInfo rs = Tables.ruleSet(engine, overrides);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TableLocations where = Tables.toJson(rows, rs, json);
        RequestOverrides pinned = new RequestOverrides(overrides.asOf(), Optional.of(rs.ref().id()),
                Optional.of(rs.ref().version()));
        return new Twin(json.toByteArray(), where, pinned);
    }

    static int template(Deque<String> a, PrintStream out) throws IOException {
        Options o = Options.parse(a, "--rule-set", "--format");
        String format = o.get("--format").orElse("csv");
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new Main.UsageException("--format must be csv or xlsx, not \"" + format + "\"");
        }
        KpiEngine engine = KpiEngine.builder().build();
        RuleSetInfo rs = o.get("--rule-set").isPresent()
                ? RuleSetCommands.find(engine, o.get("--rule-set").get(), "--rule-set")
                : Tables.ruleSet(engine, RequestOverrides.none());
        TableFiles.template(rs, format.equals("xlsx"), out);
        out.flush();
        return Main.OK;
    }
}
