package io.github.cqskpi.examples.cli;

import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name value} options of one command; an unknown or repeated option is a usage error.
 *
 * <p>Hand-written rather than picocli: picocli 4.7.7 would add 417 KB to the jar and, measured
 * on a model of these seven commands, about 0.25 s to a cold start (0.33 s against 0.08 s to
 * parse and print), more than half of what a small {@code evaluate} takes in all; the help
 * texts, {@code --version} and the checks of numbers this command line needs are a few dozen lines.
 */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(Deque<String> args, String... known) {
        Map<String, String> values = new HashMap<>();
        List<String> allowed = List.of(known);
        while (!args.isEmpty()) {
            String name = args.pop();
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new Main.UsageException("unknown option \"" + name + "\" (known: " + String.join(", ", allowed)
                        + ")");
            }
            if (value == null) {
                if (args.isEmpty()) {
                    throw new Main.UsageException(name + " needs a value");
                }
                value = args.pop();
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new Main.UsageException(name + " is given twice");
            }
        }
        return new Options(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A whole number from {@code min} to {@code max}, or the default when the option is not given. */
    long number(String name, long min, long max, long otherwise) {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        String range = max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Main.UsageException(name + " takes a whole number " + range + ", not \"" + v + "\"");
    }
}
