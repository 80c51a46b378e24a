package io.github.cqskpi.internal.ruleset;

import java.util.Comparator;

/** Orders semantic versions {@code MAJOR.MINOR.PATCH} by their numbers. */
public final class SemVer {

    public static final Comparator<String> ORDER = (a, b) -> {
        int[] x = parse(a);
        int[] y = parse(b);
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private SemVer() {
    }

    public static boolean valid(String v) {
        return v.matches("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
    }

    private static int[] parse(String v) {
        String[] p = v.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }
}
