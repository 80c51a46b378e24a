package io.github.cqskpi.internal.wording;

import io.github.cqskpi.internal.output.ResponseJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of messages and reasons in one language, from the resource bundle
 * {@code io/github/cqskpi/internal/wording/messages_LANG.properties}. Templates hold numbered
 * placeholders, {@code {0}}, {@code {1}}..., and nothing else is special in them.
 */
public final class Words {

    public static final Words EN = new Words("en");
    public static final Words VI = new Words("vi");

    private final ResourceBundle bundle;
    /** Every template parsed once: messages are worded for every result, so parsing must not be. */
    private final Map<String, Template> templates = new HashMap<>();

    private Words(String language) {
        // No fallback to the default locale: the JVM's own language must never change the words.
        bundle = ResourceBundle.getBundle("io.github.cqskpi.internal.wording.messages", Locale.forLanguageTag(language),
                Words.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String key : bundle.keySet()) {
            templates.put(key, Template.parse(bundle.getString(key)));
        }
    }

    /** The text of a key, as written. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the message bundle for " + bundle.getLocale() + " lacks " + key, e);
        }
    }

    public Template template(String key) {
        Template t = templates.get(key);
        if (t == null) {
            throw new IllegalStateException("the message bundle for " + bundle.getLocale() + " lacks " + key);
        }
        return t;
    }

    public String format(String key, Object... args) {
        return template(key).format(args);
    }

    /** Writes a template's words to a sentence. */
    public void write(Sentence out, String key, Part... parts) {
        template(key).write(out, parts);
    }

    /** What fills one placeholder. */
    public interface Part {
        public void write(Sentence out);
    }

    /**
     * A template split at its placeholders: {@code literals.get(i)} stands before the {@code i}th
     * placeholder, which takes argument {@code order[i]}; the last literal ends the text.
     */
    public record Template(List<String> literals, int[] order, byte[][] encoded) {

        /** A template whose literals are also kept as the inside of JSON strings, UTF-8. */
        public Template(List<String> literals, int[] order) {
            this(literals, order, literals.stream().map(ResponseJson::escaped).toArray(byte[][]::new));
        }

        public static Template parse(String text) {
            List<String> literals = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            int start = 0;
            for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
                int end = text.indexOf('}', i);
                if (end > i + 1 && text.substring(i + 1, end).chars().allMatch(Character::isDigit)) {
                    literals.add(text.substring(start, i));
                    order.add(Integer.parseInt(text.substring(i + 1, end)));
                    start = end + 1;
                    i = end;
                }
            }
            literals.add(text.substring(start));
            return new Template(List.copyOf(literals), order.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Writes the template with its placeholders filled by {@code parts}, in the template's order. */
        public void write(Sentence out, Part... parts) {
            for (int i = 0; i < order.length; i++) {
                if (!literals.get(i).isEmpty()) {
                    out.literal(this, i);
                }
                parts[order[i]].write(out);
            }
            if (!literals.get(order.length).isEmpty()) {
                out.literal(this, order.length);
            }
        }

        public String format(Object... args) {
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < order.length; i++) {
                b.append(literals.get(i)).append(args[order[i]]);
            }
            return b.append(literals.get(order.length)).toString();
        }

        /** Whether the placeholders stand in the order 0, 1, 2..., each once. */
        public boolean inOrder(int placeholders) {
            if (order.length != placeholders) {
                return false;
            }
            for (int i = 0; i < order.length; i++) {
                if (order[i] != i) {
                    return false;
                }
            }
            return true;
        }
    }
}
