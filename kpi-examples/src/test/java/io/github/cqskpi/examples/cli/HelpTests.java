package io.github.cqskpi.examples.cli;

import static io.github.cqskpi.examples.cli.MainTests.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.examples.cli.MainTests.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code COMMAND --help}, {@code help COMMAND}, {@code --version} and a bare {@code kpi-cli}. */
class HelpTests {

    /** Each command with what to give it before an unknown option, so that the parser lists the ones it knows. */
    static final Map<String, List<String>> COMMANDS = Map.of(
            "evaluate", List.of(),
            "targets", List.of(),
            "rule-sets", List.of(),
            "diff", List.of(),
            "serve", List.of(),
            "verify", List.of("."));

    static TreeSet<String> options(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("--[a-z][a-z-]*").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyCommandHasItsOwnHelpThatListsTheOptionsItsParserKnows() {
        for (Map.Entry<String, List<String>> c : COMMANDS.entrySet()) {
            String command = c.getKey();
            Run help = run(command, "--help");
            assertEquals(Main.OK, help.status(), command + ": " + help.err());
            assertEquals("", help.err());
            assertTrue(help.out().startsWith("usage: kpi-cli " + command), help.out());
            assertFalse(help.out().contains("commands:"), "that command's help, not everyone's: " + help.out());
            assertEquals(help, run(command, "-h"), command);
            assertEquals(help, run("help", command), command);

            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(c.getValue());
            args.add("--no-such-option");
            Run wrong = run(args.toArray(String[]::new));
            assertEquals(Main.UNREADABLE, wrong.status(), command);
            String known = wrong.err().replaceAll("(?s).*\\(known: ([^)]*)\\).*", "$1");
            TreeSet<String> parsed = options(known);
            if (command.equals("verify")) {
                parsed.add("--coverage"); // taken before the others are parsed
            }
            String synopsis = help.out().lines().findFirst().orElseThrow();
            assertEquals(parsed, options(synopsis), command + ": the synopsis names every option the parser takes");
            assertTrue(options(help.out()).containsAll(parsed), help.out());
        }
    }

    @Test
    void helpAfterOtherArgumentsIsStillHelp() {
        Run r = run("evaluate", "--input", "no-such-file.json", "--help");
        assertEquals(Main.OK, r.status());
        assertTrue(r.out().startsWith("usage: kpi-cli evaluate"), r.out());
        Run v = run("verify", "--help");
        assertEquals(Main.OK, v.status());
        assertFalse(v.out().contains("not a directory") || v.err().contains("not a directory"), v.toString());
    }

    @Test
    void theVersionNamesTheLibraryAndEachLoadedRuleSet() {
        Run r = run("--version");
        assertEquals(Main.OK, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("kpi-core "), r.out());
        List<String> loaded = KpiEngine.builder().build().ruleSets().stream()
                .map(rs -> rs.ref().id() + "@" + rs.ref().version()).toList();
        assertEquals(loaded, lines.subList(1, lines.size()));
        assertTrue(loaded.stream().anyMatch(s -> s.startsWith("dak-nong-2022@")), loaded.toString());
        assertEquals(r, run("version"));
    }

    @Test
    void aBareCommandLinePrintsTheUsageOnStandardErrorWithStatusTwo() {
        Run r = run();
        assertEquals(Main.UNREADABLE, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("usage: kpi-cli <command> [options]"), r.err());
        for (String command : COMMANDS.keySet()) {
            assertTrue(r.err().contains("\n  " + command), command + " in " + r.err());
        }
    }

    @Test
    void badNumbersAreOneLineWithStatusTwoNeverAnInternalError() {
        for (String[] args : List.of(new String[] {"serve", "--port", "99999"}, new String[] {"serve", "--port", "-1"},
                new String[] {"serve", "--port", "eighty"}, new String[] {"serve", "--max-bytes", "0"},
                new String[] {"serve", "--max-bytes", "99999999999999999999"}, new String[] {"help", "nothing"},
                new String[] {"serve", "--port", "0", "--bind", "no-such-host.invalid"})) {
            Run r = run(args);
            MainTests.assertUsageOnStderr(r);
            assertTrue(r.err().contains(args[args.length - 1]), "names the value: " + r.err());
        }
    }
}
