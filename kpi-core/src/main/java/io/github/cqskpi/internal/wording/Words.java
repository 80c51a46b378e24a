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
            // Interned: the callers' keys are literals, so a look-up finds the same string at once.
            templates.put(key.intern(), Template.parse(bundle.getString(key)));
        }
    }

    /** The bundle's keys. */
    public java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(templates.keySet());
    }

    /** The text of a key, as written. */
    public String get(String key) {
        Template t = templates.get(key);
        if (t != null && t.order().length == 0) {
            return t.literals().get(0);
        }
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

    /**
     * A template whose placeholders are filled in sequence ({@link Template#piece}), with no
     * function a placeholder: fails at once unless it holds {@code placeholders} of them in the
     * order 0, 1, 2..., each once.
     */
    public Template sequential(String key, int placeholders) {
        Template t = template(key);
        if (!t.inOrder(placeholders)) {
            throw new IllegalStateException("the message bundle for " + bundle.getLocale() + " must hold the "
                    + placeholders + " placeholders of " + key + " in the order {0}, {1}...: they are filled"
                    + " in sequence");
        }
        return t;
    }

    /**
     * A key looked up once in both languages: messages are worded for every result, and a
     * look-up by name for each was a sixth of the writing thread's time.
     */
    public static final class Key {
        private final Template vi;
        private final Template en;
        private final String viText;
        private final String enText;

        /** Fails at once when either bundle lacks the key. */
        public Key(String key) {
            vi = VI.template(key);
            en = EN.template(key);
            viText = VI.get(key);
            enText = EN.get(key);
        }

        /**
         * A key whose placeholders are filled in sequence ({@link Template#piece}), with no
         * function a placeholder: fails at once unless both languages hold them in the order
         * 0, 1, 2..., each once.
         */
        public Key(String key, int placeholders) {
            this(key);
            VI.sequential(key, placeholders);
            EN.sequential(key, placeholders);
        }

        public Template in(Words w) {
            return w == VI ? vi : en;
        }

        /** The key's text in the language, as {@link Words#get(String)} gives it. */
        public String text(Words w) {
            return w == VI ? viText : enText;
        }
    }

    /** Writes a piece of a sentence composed elsewhere, such as a reason's text within a message. */
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

        /**
         * Writes the piece that stands before placeholder {@code i}, or after the last when
         * {@code i} is their number: for a template whose placeholders stand in order, filled
         * in sequence between its pieces.
         */
        public void piece(Sentence out, int i) {
            if (encoded[i].length != 0) {
                out.literal(this, i);
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
