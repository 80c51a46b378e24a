package io.github.cqskpi.examples.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Chooses what to answer with from an {@code Accept} header (RFC 9110 §12.5.1). */
final class Accept {

    private Accept() {
    }

    /**
     * The offered media type the header prefers: the highest quality of the most specific range
     * that matches it, ties going to the earlier offer; empty when none is acceptable.
     *
     * @param header the {@code Accept} header, or {@code null} (anything goes)
     * @param offered media types without parameters, in the server's order of preference
     * @return the choice
     */
    static Optional<String> choose(String header, List<String> offered) {
        if (header == null || header.isBlank()) {
            return Optional.of(offered.get(0));
        }
        String best = null;
        double bestQ = 0;
        for (String media : offered) {
            double q = quality(header, media);
            if (q > bestQ) {
                best = media;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(String header, String media) {
        int bestSpecificity = -1;
        double q = 0;
        for (String part : header.split(",")) {
            String[] params = part.split(";");
            String range = params[0].trim().toLowerCase(Locale.ROOT);
            int specificity;
            if (range.equals(media)) {
                specificity = 2;
            } else if (range.equals("*/*")) {
                specificity = 0;
            } else if (range.endsWith("/*") && media.startsWith(range.substring(0, range.length() - 1))) {
                specificity = 1;
            } else {
                continue;
            }
            double rangeQ = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        rangeQ = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        rangeQ = 0;
                    }
                }
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = rangeQ;
            }
        }
        return q;
    }
}
