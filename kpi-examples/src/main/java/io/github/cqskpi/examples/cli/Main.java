package io.github.cqskpi.examples.cli;

import io.github.cqskpi.EvaluationResponse;
import io.github.cqskpi.EvaluationSummary;
import io.github.cqskpi.FigureInfo;
import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.Level;
import io.github.cqskpi.Limits;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.TargetInfo;
import io.github.cqskpi.UnknownRuleSetException;
import io.github.cqskpi.UnreadableRequestException;
import io.github.cqskpi.examples.report.Reports;
import io.github.cqskpi.examples.service.ServeCommand;
import io.github.cqskpi.examples.service.ServiceSettings;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command line: {@code evaluate} a request as the contract fixes it, list the {@code targets}.
 *
 * <p>Exit status: 0 every record evaluated; 3 some records rejected; 2 the request (or the
 * command line) could not be read, with the reason on standard error and nothing on standard
 * output.
 */
public final class Main {

    static final int OK = 0;
    static final int UNREADABLE = 2;
    static final int REJECTED = 3;
    static final int INTERNAL_ERROR = 70;

    private static final String USAGE = String.join("\n",
            "usage: kpi-cli <command> [options]",
            "",
            "commands:",
            "  evaluate [--input FILE] [--as-of YYYY-MM-DD] [--rule-set ID[@VERSION]] [--format json|text|csv|html]",
            "      Evaluates a request (FILE, or standard input) and prints the response",
            "      (csv: a row a record and target; html: one self-contained page).",
            "      Exit 0: every record evaluated; 3: some rejected; 2: the request cannot be read.",
            "  targets [--rule-set ID[@VERSION]]",
            "      Lists the targets of a rule set: ID, clause, levels and roles, window, comparator, reading.",
            "  rule-sets",
            "      Lists the loaded rule sets: each id with its versions, windows and sha256 fingerprints.",
            "  diff --from ID@V1 --to ID@V2 --input FILE",
            "      Lists the record and target verdicts that differ between two rule set versions.",
            "  verify DIR [--coverage]",
            "      Runs the conformance vectors in DIR (NAME.request.json + NAME.expected.json).",
            "      Ends with 'N passed, N failed'; exit 0 when none failed, 1 otherwise.",
            "      --coverage also counts the results per target and status the vectors produce.",
            ServeCommand.USAGE,
            "  help",
            "      Prints this text.");

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = new Main(System.in, out, err).run(args);
        out.flush();
        System.exit(status);
    }

    int run(String... args) {
        Deque<String> a = new ArrayDeque<>(List.of(args));
        String command = a.isEmpty() ? "help" : a.pop();
        try {
            return switch (command) {
                case "evaluate" -> evaluate(a);
                case "targets" -> targets(a);
                case "rule-sets" -> RuleSetCommands.ruleSets(a, out);
                case "diff" -> RuleSetCommands.diff(a, out);
                case "verify" -> RuleSetCommands.verify(a, out);
                case "serve" -> serve(a);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield OK;
                }
                default -> throw new UsageException("unknown command \"" + command + "\"");
            };
        } catch (UsageException e) {
            err.println("kpi-cli: " + e.getMessage());
            err.println(USAGE);
            return UNREADABLE;
        } catch (UnknownRuleSetException e) {
            err.println("kpi-cli: " + e.getMessage() + " (at " + e.path() + ")");
            return UNREADABLE;
        } catch (UnreadableRequestException e) {
            err.println("kpi-cli: the request cannot be read: " + e.getMessage()
                    + (e.path().isEmpty() ? "" : " (at " + e.path() + ")"));
            return UNREADABLE;
        } catch (NoSuchFileException e) {
            err.println("kpi-cli: no such file: " + e.getFile());
            return UNREADABLE;
        } catch (IOException e) {
            err.println("kpi-cli: cannot read or write: " + e.getMessage());
            return UNREADABLE;
        } catch (RuntimeException e) {
            // A fault of the library or of a rule set, never a verdict: say so in one line.
            err.println("kpi-cli: internal error, no result was written: " + e);
            return INTERNAL_ERROR;
        }
    }

    private int evaluate(Deque<String> a) throws IOException {
        Options o = Options.parse(a, "--input", "--as-of", "--rule-set", "--format");
        String format = o.get("--format").orElse("json");
        if (!format.equals("json") && !format.equals("text") && !Reports.FORMATS.contains(format)) {
            throw new UsageException("--format must be json, text, csv or html, not \"" + format + "\"");
        }
        RequestOverrides overrides = RequestOverrides.none();
        if (o.get("--as-of").isPresent()) {
            try {
                overrides = overrides.withAsOf(LocalDate.parse(o.get("--as-of").get()));
            } catch (DateTimeParseException e) {
                throw new UsageException("--as-of \"" + o.get("--as-of").get() + "\" is not a day YYYY-MM-DD");
            }
        }
        if (o.get("--rule-set").isPresent()) {
            overrides = overrides.withRuleSet(o.get("--rule-set").get());
        }
        if (Reports.FORMATS.contains(format)) {
            return report(format, o.get("--input"), overrides);
        }
        // A file the user chose, on their own machine: no ceiling on its size or record count.
        KpiEngine engine = KpiEngine.builder().limits(Limits.unlimitedRecords()).build();
        Optional<String> input = o.get("--input");
        if (format.equals("json")) {
            // Streamed: written as it is evaluated, in memory that does not grow with the results.
            EvaluationSummary summary = input.isPresent()
                    ? engine.evaluateJson(Path.of(input.get()), out, overrides)
                    : engine.evaluateJson(in, out, overrides);
            out.flush();
            return summary.allEvaluated() ? OK : REJECTED;
        }
        EvaluationResponse response;
        if (input.isPresent()) {
            try (InputStream file = Files.newInputStream(Path.of(input.get()))) {
                response = engine.evaluateJson(file, overrides);
            }
        } else {
            response = engine.evaluateJson(in, overrides);
        }
        TextReport.print(response, engine, out);
        out.flush();
        return response.allEvaluated() ? OK : REJECTED;
    }

    /** csv and html show each unit's name and level, which only the request holds: keep its bytes. */
    private int report(String format, Optional<String> input, RequestOverrides overrides) throws IOException {
        byte[] request = input.isPresent() ? Files.readAllBytes(Path.of(input.get())) : in.readAllBytes();
        KpiEngine engine = KpiEngine.builder().limits(Limits.unlimitedRecords()).build();
        EvaluationResponse response = engine.evaluateJson(new ByteArrayInputStream(request), overrides);
        Reports.write(format, response, engine, request, out);
        out.flush();
        return response.allEvaluated() ? OK : REJECTED;
    }

    private int serve(Deque<String> a) throws IOException {
        ServiceSettings settings;
        try {
            List<String> cors = ServeCommand.takeCors(a);
            Options o = Options.parse(a, ServeCommand.OPTIONS.toArray(String[]::new));
            settings = ServeCommand.settings(o::get, cors);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return ServeCommand.run(settings, err);
    }

    private int targets(Deque<String> a) {
        Options o = Options.parse(a, "--rule-set");
        KpiEngine engine = KpiEngine.builder().build();
        String spec = o.get("--rule-set").orElse("dak-nong-2022");
        RuleSetInfo rs = RuleSetCommands.find(engine, spec, "--rule-set");
        out.println(rs.ref().id() + "@" + rs.ref().version() + "  sha256 " + rs.ref().sha256());
        out.println(rs.title().en());
        out.println();
        for (TargetInfo t : rs.targets()) {
            String who = (t.roles().isEmpty() ? levels(t.levels()) : "roles " + String.join(", ", sorted(t.roles())));
            out.println(t.id() + "  (clause " + t.clause() + ")" + (t.informational() ? "  informational" : ""));
            out.println("    " + t.title().en());
            if (t.informational()) {
                out.println("    no measurable figure in the text: listed so that nothing is dropped");
                continue;
            }
            out.println("    applies to: " + who + "; measure: " + t.measure());
            for (FigureInfo f : t.figures()) {
                out.println("    - " + levels(f.levels()) + ", " + f.window() + ": " + comparator(f));
                f.reading().ifPresent(r -> out.println("      reading: " + r));
            }
        }
        out.flush();
        return OK;
    }

    private static List<String> sorted(java.util.Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String levels(java.util.Set<Level> levels) {
        if (levels.size() == Level.values().length) {
            return "all levels";
        }
        return levels.stream().sorted().map(Level::name).collect(Collectors.joining(", "));
    }

    static String comparator(FigureInfo f) {
        Requirement q = f.required();
        if (q instanceof Requirement.Percent p) {
            return p.operator().symbol() + " " + p.percent().toPlainString() + "%";
        } else if (q instanceof Requirement.Count c) {
            return c.operator().symbol() + " " + c.value();
        } else if (q instanceof Requirement.Deadline d) {
            return "submitted before " + d.date();
        } else if (q instanceof Requirement.Done) {
            return "done";
        }
        return "rate rises against the previous period";
    }

    /** A wrong command line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
