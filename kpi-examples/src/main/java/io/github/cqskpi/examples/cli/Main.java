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
import io.github.cqskpi.examples.service.ServeCommand;
import io.github.cqskpi.examples.service.ServiceSettings;
import io.github.cqskpi.report.ReportFormat;
import io.github.cqskpi.report.ReportTooLargeException;
import io.github.cqskpi.report.Reports;
import io.github.cqskpi.report.TerminalText;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The command line: {@code evaluate} a request as the contract fixes it, list the {@code targets}.
 *
 * <p>Exit status: 0 every record evaluated; 3 some records rejected; 2 the request (or the
 * command line) could not be read, with the reason on standard error and nothing on standard
 * output; 74 standard output could not be written (a full disk, a closed pipe), the work
 * stopped at the first failed write; 70 a fault of the library or a rule set.
 */
public final class Main {

    static final int OK = 0;
    static final int UNREADABLE = 2;
    static final int REJECTED = 3;
    static final int INTERNAL_ERROR = 70;
    /** sysexits.h's EX_IOERR: standard output could not be written. */
    static final int OUTPUT_FAILED = 74;

    /** Each command's own help: its synopsis first, then what it does and its options. */
    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("evaluate", String.join("\n",
                "evaluate [--input FILE] [--input-format json|csv|xlsx] [--as-of YYYY-MM-DD] [--rule-set ID[@VERSION]] [--format json|text|csv|html]",
                "    Evaluates a request (FILE, or standard input) and prints the response",
                "    (csv: a row a record and target; html: one self-contained page).",
                "    --input FILE       the request; a file, a FIFO or /dev/stdin (default: standard input);",
                "                       a .csv or .xlsx FILE is a table, one record a row",
                "    --input-format F   json, csv or xlsx, whatever the extension (standard input: json)",
                "    --as-of DAY        the day to judge on, instead of the request's asOf or today",
                "    --rule-set ID[@V]  the rule set, instead of the request's (default: the newest version)",
                "    --format F         json (default, the contract's bytes), text, csv or html",
                "    Exit 0: every record evaluated; 3: some rejected; 2: the request cannot be read, or an html",
                "    page would hold more than " + Reports.HTML_MAX_RECORDS + " records (nothing is written: choose csv);",
                "    74: standard output cannot be written; 70: an internal error or out of memory."));
        HELP.put("template", String.join("\n",
                "template [--rule-set ID[@VERSION]] [--format csv|xlsx]",
                "    Prints an empty table for the rule set: every column, Vietnamese labels with the keys;",
                "    in xlsx a second sheet explains each column."));
        HELP.put("targets", String.join("\n",
                "targets [--rule-set ID[@VERSION]]",
                "    Lists the targets of a rule set: ID, clause, levels and roles, window, comparator, reading."));
        HELP.put("rule-sets", String.join("\n",
                "rule-sets",
                "    Lists the loaded rule sets: each id with its versions, windows and sha256 fingerprints."));
        HELP.put("diff", String.join("\n",
                "diff --from ID@V1 --to ID@V2 --input FILE",
                "    Lists the record and target verdicts that differ between two rule set versions."));
        HELP.put("verify", String.join("\n",
                "verify DIR [--coverage]",
                "    Runs the conformance vectors in DIR (NAME.request.json + NAME.expected.json).",
                "    Ends with 'N passed, N failed'; exit 0 when none failed, 1 otherwise.",
                "    --coverage also counts the results per target and status the vectors produce."));
        HELP.put("serve", ServeCommand.HELP);
        HELP.put("help", String.join("\n",
                "help [COMMAND]",
                "    Prints this text, or one command's (as COMMAND --help does)."));
        HELP.put("--version", String.join("\n",
                "--version",
                "    Prints the library's version and each loaded rule set's id@version."));
    }

    private static final String USAGE = "usage: kpi-cli <command> [options]\n\ncommands:\n  "
            + String.join("\n  ", HELP.values().stream().map(h -> h.replace("\n", "\n  ")).toList());

    private final Output stdout;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Path stdinFile;

    Main(InputStream in, OutputStream out, PrintStream err) {
        this(in, null, out, err);
    }

    /** With {@code stdinFile} the regular file standard input reads, if it is one (read where it is). */
    private Main(InputStream in, Path stdinFile, OutputStream out, PrintStream err) {
        this.in = in;
        this.stdinFile = stdinFile;
        this.stdout = new Output(out);
        this.out = stdout.printer();
        this.err = err;
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Not System.out: a PrintStream would swallow a failed write. Each command flushes what it
        // wrote; what is still buffered when a command fails is dropped, never half-printed.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Path stdin = Path.of("/dev/stdin");
        int status = new Main(System.in, Files.isRegularFile(stdin) ? stdin : null, out, err).run(args);
        System.exit(status);
    }

    int run(String... args) {
        Deque<String> a = new ArrayDeque<>(List.of(args));
        if (a.isEmpty()) {
            err.println(USAGE);
            return UNREADABLE;
        }
        String command = a.pop();
        try {
            if (HELP.containsKey(command) && (a.contains("--help") || a.contains("-h"))) {
                out.println("usage: kpi-cli " + HELP.get(command));
                stdout.finish();
                return OK;
            }
            int status = switch (command) {
                case "evaluate" -> evaluate(a);
                case "targets" -> targets(a);
                case "template" -> TableCommands.template(a, out);
                case "rule-sets" -> RuleSetCommands.ruleSets(a, out);
                case "diff" -> RuleSetCommands.diff(a, out);
                case "verify" -> RuleSetCommands.verify(a, out);
                case "serve" -> serve(a);
                case "--version", "version" -> version(a);
                case "help", "--help", "-h" -> help(a);
                default -> throw new UsageException("unknown command \"" + command + "\" (kpi-cli help lists them)");
            };
            stdout.finish();
            return status;
        } catch (UsageException e) {
            return fail(UNREADABLE, e.getMessage() + (HELP.containsKey(command) && !command.startsWith("-")
                    ? " (kpi-cli " + command + " --help lists the options)" : ""));
        } catch (UnknownRuleSetException e) {
            // The library reports a rule set asked for in place of the request's at path "".
            return fail(UNREADABLE, e.getMessage() + " (at " + (e.path().isEmpty() ? "--rule-set" : e.path()) + ")");
        } catch (ReportTooLargeException e) {
            return fail(UNREADABLE, e.getMessage());
        } catch (UnreadableRequestException e) {
            return fail(UNREADABLE, "the request cannot be read: " + e.getMessage()
                    + (e.path().isEmpty() ? "" : " (at " + e.path() + ")"));
        } catch (NoSuchFileException e) {
            return failed(UNREADABLE, "no such file: " + e.getFile());
        } catch (AccessDeniedException e) {
            return failed(UNREADABLE, "permission denied: " + e.getFile());
        } catch (IOException e) {
            return failed(UNREADABLE, "cannot read the input: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return fail(INTERNAL_ERROR, "out of memory, no result was written in full: give java more heap (-Xmx)");
        } catch (RuntimeException e) {
            // A fault of the library or of a rule set, never a verdict: say so in one line.
            return failed(INTERNAL_ERROR, "internal error, no result was written: " + e);
        }
    }

    /** One line on standard error, unless it was standard output that failed (a status of its own). */
    private int failed(int status, String message) {
        IOException output = stdout.failure();
        if (output != null) {
            return fail(OUTPUT_FAILED, "cannot write standard output: " + output.getMessage() + "; stopped");
        }
        return fail(status, message);
    }

    private int fail(int status, String message) {
        err.println("kpi-cli: " + TerminalText.escape(message));
        return status;
    }

    private int help(Deque<String> a) {
        if (a.isEmpty()) {
            out.println(USAGE);
        } else if (HELP.containsKey(a.peek())) {
            out.println("usage: kpi-cli " + HELP.get(a.pop()));
        } else {
            throw new UsageException("no command \"" + a.peek() + "\" (kpi-cli help lists them)");
        }
        Options.parse(a);
        return OK;
    }

    /** The library's version (from its jar) and each loaded rule set's id@version. */
    private int version(Deque<String> a) throws IOException {
        Options.parse(a);
        out.println("kpi-core " + libraryVersion());
        for (RuleSetInfo rs : KpiEngine.builder().build().ruleSets()) {
            out.println(rs.ref().id() + "@" + rs.ref().version());
        }
        return OK;
    }

    static String libraryVersion() throws IOException {
        try (InputStream p = KpiEngine.class.getResourceAsStream("/META-INF/maven/io.github.cqskpi/kpi-core/pom.properties")) {
            if (p != null) {
                Properties props = new Properties();
                props.load(p);
                return props.getProperty("version", "(unknown)");
            }
        }
        String v = KpiEngine.class.getPackage().getImplementationVersion();
        return v != null ? v : "(unknown: not run from a packaged jar)";
    }

    /** A file the user chose, on their own machine: no ceiling on its size or record count. */
    private static final Limits LIMITS = Limits.unlimitedRecords();

    private int evaluate(Deque<String> a) throws IOException {
        Options o = Options.parse(a, "--input", "--input-format", "--as-of", "--rule-set", "--format");
        String name = o.get("--format").orElse("json");
        ReportFormat format = ReportFormat.of(name).orElseThrow(
                () -> new UsageException("--format must be json, text, csv or html, not \"" + name + "\""));
        String inputFormat = TableCommands.inputFormat(o.get("--input-format"), o.get("--input"));
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
        if (!inputFormat.equals("json")) {
            return evaluateTable(format, inputFormat, o.get("--input"), overrides);
        }
        KpiEngine engine = KpiEngine.builder().limits(LIMITS).build();
        Optional<String> input = o.get("--input");
        // Every format is written as it is evaluated, in memory that does not grow with the results.
        // The engine reads the request twice, so a pipe or FIFO is read once, into a checked copy.
        try (RequestSpool request = input.isPresent() ? RequestSpool.of(Path.of(input.get()), LIMITS)
                : stdinFile != null ? RequestSpool.of(stdinFile, LIMITS) : RequestSpool.copy(in, LIMITS)) {
            EvaluationSummary summary = Reports.write(engine, format, request.path(), overrides, stdout);
            return summary.allEvaluated() ? OK : REJECTED;
        }
    }

    /** A table: streamed as JSON; the other formats read its JSON twin, each error located. */
    private int evaluateTable(ReportFormat format, String inputFormat, Optional<String> input, RequestOverrides overrides)
            throws IOException {
        KpiEngine engine = KpiEngine.builder().limits(LIMITS).build();
        try (io.github.cqskpi.table.TableRows rows = TableCommands.open(inputFormat, input, in)) {
            if (format == ReportFormat.JSON) {
                EvaluationSummary summary = io.github.cqskpi.table.Tables.evaluate(engine, rows, stdout, overrides);
                return summary.allEvaluated() ? OK : REJECTED;
            }
            TableCommands.Twin twin = TableCommands.twin(engine, rows, overrides);
            EvaluationResponse r = engine.evaluateJson(new ByteArrayInputStream(twin.json()), twin.overrides());
            EvaluationResponse response = new EvaluationResponse(r.ruleSet(), r.asOf(), r.results(),
                    r.errors().stream().map(twin.locations()::locate).toList(), r.summary());
            Reports.write(engine, format, response, stdout);
            return response.allEvaluated() ? OK : REJECTED;
        }
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
        try {
            return ServeCommand.run(settings, err);
        } catch (java.net.SocketException e) {
            throw new UsageException(e.getMessage()); // cannot listen on ADDRESS:PORT: why
        }
    }

    private int targets(Deque<String> a) {
        Options o = Options.parse(a, "--rule-set");
        KpiEngine engine = KpiEngine.builder().build();
        String spec = o.get("--rule-set").or(engine::defaultRuleSet).orElseThrow(() -> new UsageException(
                "no rule set is the default here: name one with --rule-set ID[@VERSION]"));
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
        return f.required().accept(new Requirement.Visitor<String>() {
            @Override
            public String percent(Requirement.Percent p) {
                return p.operator().symbol() + " " + p.percent().toPlainString() + "%";
            }

            @Override
            public String count(Requirement.Count c) {
                return c.operator().symbol() + " " + c.value();
            }

            @Override
            public String deadline(Requirement.Deadline d) {
                return "submitted before " + d.date();
            }

            @Override
            public String done(Requirement.Done d) {
                return "done";
            }

            @Override
            public String rises(Requirement.Rises r) {
                return "rate rises against the previous period";
            }
        });
    }

    /** A wrong command line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
