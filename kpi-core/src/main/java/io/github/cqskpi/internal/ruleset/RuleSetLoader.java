package io.github.cqskpi.internal.ruleset;

import io.github.cqskpi.internal.rules.DroolsRules;
import io.github.cqskpi.internal.input.JsonTree;
import io.github.cqskpi.internal.judge.Judge;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.cqskpi.FigureInfo;
import io.github.cqskpi.Level;
import io.github.cqskpi.Message;
import io.github.cqskpi.Operator;
import io.github.cqskpi.Requirement;
import io.github.cqskpi.RuleSetInfo;
import io.github.cqskpi.RuleSetRef;
import io.github.cqskpi.SourceDocument;
import io.github.cqskpi.TargetInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the rule sets on the classpath and loads each version: its descriptor
 * ({@code ruleset.json}), its rules' executable model, the figures in the rules' metadata and
 * the fingerprint of its sources. A corrupt rule set fails here, at start-up, naming the file.
 *
 * <p>Each jar that carries rule sets lists their descriptors, one path a line, in
 * {@value #INDEX}, and may name the default rule set in {@value #DEFAULT}.
 */
public final class RuleSetLoader {

    /** The resource that lists a jar's rule set descriptors. */
    public static final String INDEX = io.github.cqskpi.KpiEngineBuilder.RULE_SET_INDEX;

    /** The resource in which a jar may name the rule set a request gets when it names none. */
    public static final String DEFAULT = "META-INF/cqs-kpi/default-rule-set";

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetLoader.class);
    private static final JsonFactory JSON = new JsonFactory();
    /** The comparators a rule may write before a number, longest symbol first so that {@code >=} is not read as {@code >}. */
    private static final List<Operator> NUMERIC_OPERATORS = numericOperators();
    private static final Pattern NUMERIC = Pattern.compile("(" + alternatives(NUMERIC_OPERATORS)
            + ")\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(%?)");
    private static final Pattern DEADLINE = Pattern.compile("<\\s*([0-9]{4}-[0-9]{2}-[0-9]{2})");

    private RuleSetLoader() {
    }

    // Loops, not streams, here and below: this runs once at every start-up, where each lambda
    // and stream stage costs a link the first time.
    private static List<Operator> numericOperators() {
        List<Operator> out = new ArrayList<>();
        for (Operator o : Operator.values()) {
            if (Judge.comparesNumbers(o)) {
                out.add(o);
            }
        }
        out.sort(java.util.Comparator.comparingInt((Operator o) -> -o.symbol().length()));
        return List.copyOf(out);
    }

    private static String alternatives(List<Operator> operators) {
        StringBuilder b = new StringBuilder();
        for (Operator o : operators) {
            b.append(b.length() == 0 ? "" : "|").append(Pattern.quote(o.symbol()));
        }
        return b.toString();
    }

    /**
     * Loads every rule set the class loader's indexes list.
     *
     * @param loader the class loader
     * @param buildEarly the ids whose rules start building (on a thread of their own, see
     *     {@link DroolsRules#prepare()}) as soon as their model is loaded, before the rest is read
     */
    public static List<LoadedRuleSet> loadAll(ClassLoader loader, java.util.function.Predicate<String> buildEarly) {
        List<LoadedRuleSet> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // Versions that share a DRL package (a version that changes only metadata) share one KieBase.
        Map<String, DroolsRules> kieBases = new java.util.HashMap<>();
        try {
            for (URL index : Collections.list(loader.getResources(INDEX))) {
                for (String path : readIndex(index)) {
                    if (!seen.add(path)) {
                        continue;
                    }
                    URL url = loader.getResource(path);
                    if (url == null) {
                        throw new IllegalStateException(index + " lists " + path + ", which is not on the classpath");
                    }
                    out.add(load(loader, url, path, kieBases, buildEarly));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rule set index " + INDEX, e);
        }
        return out;
    }

    /**
     * The rule set ids that jars on the classpath declare as the default, each with the files
     * that declare it, in {@value #DEFAULT}: one id a file, {@code #} starting a comment.
     */
    public static Map<String, List<URL>> declaredDefaults(ClassLoader loader) {
        Map<String, List<URL>> out = new LinkedHashMap<>();
        try {
            for (URL file : Collections.list(loader.getResources(DEFAULT))) {
                List<String> ids = readIndex(file);
                if (ids.size() != 1) {
                    throw new IllegalStateException(file + " must name one rule set id, not " + ids.size());
                }
                out.computeIfAbsent(ids.get(0), k -> new ArrayList<>()).add(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT, e);
        }
        return out;
    }

    private static List<String> readIndex(URL index) throws IOException {
        List<String> paths = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    paths.add(line.startsWith("/") ? line.substring(1) : line);
                }
            }
        }
        return paths;
    }

    private static LoadedRuleSet load(ClassLoader loader, URL url, String path, Map<String, DroolsRules> kieBases,
            java.util.function.Predicate<String> buildEarly) {
        long started = System.nanoTime();
        try {
            LoadedRuleSet rs = parse(loader, url, path, kieBases, buildEarly);
            LOG.debug("loaded rule set {}@{} from {} in {} ms", rs.ref().id(), rs.ref().version(), path,
                    (System.nanoTime() - started) / 1_000_000);
            return rs;
        } catch (RuntimeException | IOException e) {
            throw new IllegalStateException("rule set " + path + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static LoadedRuleSet parse(ClassLoader loader, URL url, String path, Map<String, DroolsRules> kieBases,
            java.util.function.Predicate<String> buildEarly) throws IOException {
        byte[] descriptorBytes = read(url);
        JsonTree.Obj d = asObj(parseJson(descriptorBytes), "descriptor");
        Strict root = new Strict(d, "", Set.of("id", "version", "title", "source", "readings", "drl", "vocabulary",
                "metrics", "roles", "targets"));
        String id = root.string("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("id \"" + id + "\" must be lower-case letters, digits and dashes");
        }
        String version = root.string("version");
        if (!SemVer.valid(version)) {
            throw new IllegalArgumentException("version \"" + version + "\" is not MAJOR.MINOR.PATCH");
        }
        Message title = message(root.obj("title"), "/title");
        SourceDocument source = source(root.obj("source"));
        List<String> readings = root.strings("readings", false);

        Strict drl = new Strict(root.obj("drl"), "/drl", Set.of("package", "files"));
        String drlPackage = drl.string("package");
        List<String> drlFiles = drl.strings("files", true);

        String base = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        Fingerprint fp = new Fingerprint();
        fp.add(path.substring(base.length()), descriptorBytes);

        // The base vocabulary first (a file beside the descriptor, which several versions may
        // share), then the descriptor's own keys and roles: that order is each key's index.
        List<MetricDef> metrics = new ArrayList<>();
        List<RoleDef> roleDefs = new ArrayList<>();
        Map<String, Noun> nouns = new LinkedHashMap<>();
        Optional<String> vocabularyFile = root.optionalString("vocabulary");
        if (vocabularyFile.isPresent()) {
            String file = vocabularyFile.get();
            byte[] bytes = read(beside(loader, base, file, "/vocabulary"));
            fp.add(file, bytes);
            Strict voc = new Strict(asObj(parseJson(bytes), file), file, Set.of("note", "metrics", "roles"));
            declarations(voc, metrics, roleDefs, nouns);
        }
        declarations(root, metrics, roleDefs, nouns);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("declares no metric key: give /vocabulary or /metrics");
        }
        Vocabulary vocabulary = Vocabulary.of(metrics, roleDefs);

        List<TargetDef> targets = new ArrayList<>();
        Map<String, TargetDef> byId = new LinkedHashMap<>();
        for (Strict t : root.objects("targets")) {
            Strict s = t.only(Set.of("id", "clause", "title", "short", "informational", "levels", "roles",
                    "measure"));
            String tid = s.string("id");
            boolean informational = s.optionalBoolean("informational").orElse(false);
            Set<Level> levels = s.has("levels") ? levels(s.strings("levels", true), s.path + "/levels")
                    : EnumSet.allOf(Level.class);
            Set<String> roles = new LinkedHashSet<>(s.has("roles") ? s.strings("roles", false) : List.of());
            for (String role : roles) {
                if (vocabulary.role(role) == null) {
                    throw new IllegalArgumentException(s.path + "/roles names role " + role + ", which is not declared");
                }
            }
            Measure measure = informational ? null : measure(new Strict(s.obj("measure"), s.path + "/measure",
                    Set.of("kind", "numerator", "denominator", "key", "per")), vocabulary);
            Message targetTitle = message(s.obj("title"), s.path + "/title");
            TargetDef def = new TargetDef(targets.size(), tid, s.string("clause"), targetTitle, levels, roles, measure,
                    s.has("short") ? message(s.obj("short"), s.path + "/short") : targetTitle);
            if (byId.putIfAbsent(tid, def) != null) {
                throw new IllegalArgumentException("target " + tid + " is declared twice");
            }
            targets.add(def);
        }

        DroolsRules rules = kieBases.get(drlPackage);
        if (rules == null) {
            rules = DroolsRules.load(loader, url, path, drlPackage);
            kieBases.put(drlPackage, rules);
            if (buildEarly.test(id)) {
                rules.prepare();
            }
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        Map<String, List<FigureInfo>> figuresByTarget = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> rule : rules.rules().entrySet()) {
            Figure f = figure(rule.getKey(), rule.getValue(), byId);
            figures.put(f.rule(), f);
            figuresByTarget.computeIfAbsent(f.target().id(), k -> new ArrayList<>()).add(f.info());
        }
        List<TargetInfo> infos = new ArrayList<>();
        for (TargetDef t : targets) {
            List<FigureInfo> fs = figuresByTarget.getOrDefault(t.id(), List.of());
            if (!t.informational() && fs.isEmpty()) {
                throw new IllegalArgumentException("target " + t.id() + " has no rule in DRL package " + drlPackage);
            }
            if (t.informational() && !fs.isEmpty()) {
                throw new IllegalArgumentException("informational target " + t.id() + " has rules");
            }
            infos.add(new TargetInfo(t.id(), t.clause(), t.title(), t.informational(), t.levels(), t.roles(),
                    t.informational() ? "" : t.measure().describe(), t.informational() ? List.of() : t.measure().keys(), fs,
                    t.shortTitle()));
        }

        for (String file : drlFiles) {
            fp.add(file, read(beside(loader, base, file, "/drl/files")));
        }
        RuleSetRef ref = new RuleSetRef(id, version, fp.hex());
        RuleSetInfo info = new RuleSetInfo(ref, title, source, readings, infos, vocabulary.infos(),
                labels(loader, base));
        return new LoadedRuleSet(info, vocabulary, targets, figures, rules, nouns);
    }

    /** A file named relative to the descriptor's folder. */
    /**
     * The names people read for fields and keys: the {@code labels} object of a
     * {@code labels.json} one folder up (shared by a rule set's versions), then of one beside the
     * descriptor, which wins. Words for people, not for verdicts: outside the fingerprint.
     */
    private static Map<String, String> labels(ClassLoader loader, String base) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String parent = base.isEmpty() ? null
                : base.substring(0, base.lastIndexOf('/', base.length() - 2) + 1);
        for (String place : parent == null ? List.of(base + "labels.json")
                : List.of(parent + "labels.json", base + "labels.json")) {
            URL url = loader.getResource(place);
            if (url == null) {
                continue;
            }
            Strict file = new Strict(asObj(parseJson(read(url)), place), place, Set.of("description", "labels"));
            JsonTree.Obj labels = file.obj("labels");
            for (Map.Entry<String, JsonTree.Node> e : labels.fields().entrySet()) {
                if (!(e.getValue() instanceof JsonTree.Str s)) {
                    throw new IllegalArgumentException(place + ": the label of " + e.getKey() + " is not a string");
                }
                out.put(e.getKey(), s.value());
            }
        }
        return out;
    }

    private static URL beside(ClassLoader loader, String base, String file, String field) {
        URL url = loader.getResource(java.net.URI.create(base + file).normalize().toString());
        if (url == null) {
            throw new IllegalArgumentException(field + " names " + file + ", which is not beside the descriptor");
        }
        return url;
    }

    /**
     * Adds the metric keys and roles an object declares in its "metrics" and "roles", and each
     * key's counted thing in words (its optional {@code noun}: {@code vi}, {@code en} and the
     * English singular {@code enOne}), which ends a {@code NOT_MET} message.
     */
    private static void declarations(Strict from, List<MetricDef> metrics, List<RoleDef> roles,
            Map<String, Noun> nouns) {
        for (Strict m : from.objects("metrics")) {
            Strict s = m.only(Set.of("key", "type", "whole", "replaces", "from", "note", "noun"));
            if (s.has("noun")) {
                Strict n = new Strict(s.obj("noun"), s.path + "/noun", Set.of("vi", "en", "enOne"));
                String en = n.string("en");
                nouns.put(s.string("key"), new Noun(n.string("vi"), en, n.optionalString("enOne").orElse(en)));
            }
            metrics.add(new MetricDef(s.string("key"), MetricType.parse(s.string("type")),
                    s.optionalString("whole").orElse(null), s.optionalString("replaces").orElse(null),
                    s.optionalString("from").map(LocalDate::parse).orElse(null)));
        }
        for (Strict r : from.objects("roles")) {
            Strict s = r.only(Set.of("id", "levels", "note"));
            roles.add(new RoleDef(s.string("id"), levels(s.strings("levels", true), s.path + "/levels")));
        }
    }

    private static Figure figure(String rule, Map<String, Object> meta, Map<String, TargetDef> targets) {
        String where = "rule \"" + rule + "\"";
        String targetId = meta(meta, "target", where);
        TargetDef target = targets.get(targetId);
        if (target == null) {
            throw new IllegalArgumentException(where + " names target " + targetId + ", which the descriptor lacks");
        }
        if (target.informational()) {
            throw new IllegalArgumentException(where + " judges informational target " + targetId);
        }
        String clause = meta(meta, "clause", where);
        if (!clause.equals(target.clause())) {
            throw new IllegalArgumentException(where + " cites clause " + clause + " but target " + targetId
                    + " is of clause " + target.clause());
        }
        Requirement required = requirement(meta(meta, "require", where), target.measure(), where);
        Set<Level> levels = meta.containsKey("levels")
                ? levels(List.of(meta(meta, "levels", where).split("\\s*,\\s*")), where + " @levels")
                : target.levels();
        if (!target.levels().containsAll(levels)) {
            throw new IllegalArgumentException(where + " @levels " + levels + " exceed target's " + target.levels());
        }
        Optional<String> reading = meta.containsKey("reading") ? Optional.of(meta(meta, "reading", where))
                : Optional.empty();
        return new Figure(rule, target, levels, meta(meta, "window", where), required, meta(meta, "quote", where),
                reading);
    }

    private static String meta(Map<String, Object> meta, String key, String where) {
        Object v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException(where + " lacks @" + key);
        }
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isBlank()) {
            throw new IllegalArgumentException(where + " has an empty @" + key);
        }
        return s;
    }

    /** Parses a rule's {@code @require}, checking that it fits the target's measure. */
    public static Requirement requirement(String text, Measure measure, String where) {
        String s = text.trim();
        Requirement r;
        Matcher n = NUMERIC.matcher(s);
        Matcher d = DEADLINE.matcher(s);
        if (s.equals(Operator.DONE.symbol())) {
            r = new Requirement.Done();
        } else if (s.equals(Operator.RISES.symbol())) {
            r = new Requirement.Rises();
        } else if (d.matches()) {
            try {
                r = new Requirement.Deadline(LocalDate.parse(d.group(1)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + " @require \"" + text + "\" names no real day");
            }
        } else if (n.matches()) {
            Operator op = null; // one of them: the pattern's first group is their alternatives
            for (Operator o : NUMERIC_OPERATORS) {
                if (o.symbol().equals(n.group(1))) {
                    op = o;
                    break;
                }
            }
            BigDecimal value = new BigDecimal(n.group(2));
            if (n.group(3).isEmpty()) {
                if (value.scale() > 0) {
                    throw new IllegalArgumentException(where + " @require \"" + text + "\": a count is whole");
                }
                r = new Requirement.Count(op, value.longValueExact());
            } else {
                if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException(where + " @require \"" + text + "\" is above 100%");
                }
                r = new Requirement.Percent(op, value);
            }
        } else {
            throw new IllegalArgumentException(where + " @require \"" + text + "\" is not one of: OP N%, OP N (OP is "
                    + String.join(", ", NUMERIC_OPERATORS.stream().map(Operator::symbol).toList()) + "), "
                    + Operator.BEFORE.symbol() + " YYYY-MM-DD, " + Operator.DONE.symbol() + ", "
                    + Operator.RISES.symbol());
        }
        if (!measure.fits(r)) {
            throw new IllegalArgumentException(where + " @require \"" + text + "\" does not fit its target's measure "
                    + measure.describe());
        }
        return r;
    }

    private static Measure measure(Strict m, Vocabulary v) {
        String word = m.string("kind");
        Measure.Kind kind = java.util.Arrays.stream(Measure.Kind.values()).filter(k -> k.word().equals(word))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(m.path + "/kind \"" + word
                        + "\" is not one of " + String.join(", ", java.util.Arrays.stream(Measure.Kind.values())
                                .map(Measure.Kind::word).toList())));
        // No default: a new kind does not compile until it is read here.
        return switch (kind) {
            case RATIO -> {
                int n = key(v, m, "numerator", MetricType.COUNT);
                int d = key(v, m, "denominator", MetricType.COUNT);
                int rn = v.replacementOf(n);
                int rd = v.replacementOf(d);
                if ((rn < 0) != (rd < 0)) {
                    throw new IllegalArgumentException(m.path + ": only one of " + m.string("numerator") + " and "
                            + m.string("denominator") + " has a replacing key; declare both or neither");
                }
                Measure.OfRatio newer = rn < 0 ? null : new Measure.OfRatio(v.metric(rn).key(), rn,
                        v.metric(rd).key(), rd, null);
                yield new Measure.OfRatio(m.string("numerator"), n, m.string("denominator"), d, newer);
            }
            case TREND -> new Measure.OfTrend(m.string("numerator"), key(v, m, "numerator", MetricType.COUNT),
                    m.string("denominator"), key(v, m, "denominator", MetricType.COUNT));
            case COUNT -> {
                Optional<String> per = m.optionalString("per");
                if (per.isPresent() && !per.get().equals("calendar-month")) {
                    throw new IllegalArgumentException(m.path + "/per must be \"calendar-month\"");
                }
                yield new Measure.OfCount(m.string("key"), key(v, m, "key", MetricType.COUNT), per.isPresent());
            }
            case DATE -> new Measure.OfDate(m.string("key"), key(v, m, "key", MetricType.DATE));
            case FLAG -> new Measure.OfFlag(m.string("key"), key(v, m, "key", MetricType.FLAG));
        };
    }

    private static int key(Vocabulary v, Strict m, String field, MetricType type) {
        String key = m.string(field);
        int i = v.indexOf(key);
        if (i < 0 || v.metric(i).type() != type) {
            throw new IllegalArgumentException(m.path + "/" + field + " \"" + key + "\" is not a declared "
                    + type.name().toLowerCase() + " key");
        }
        return i;
    }

    private static SourceDocument source(JsonTree.Obj o) {
        Strict s = new Strict(o, "/source", Set.of("issuer", "title", "number", "date", "publishedAt", "notes"));
        return new SourceDocument(s.string("issuer"), s.string("title"), s.optionalString("number").orElse(""),
                LocalDate.parse(s.string("date")), s.string("publishedAt"), s.strings("notes", false));
    }

    private static Message message(JsonTree.Obj o, String path) {
        Strict s = new Strict(o, path, Set.of("vi", "en"));
        return new Message(s.string("vi"), s.string("en"));
    }

    private static Set<Level> levels(List<String> names, String where) {
        Set<Level> out = EnumSet.noneOf(Level.class);
        for (String n : names) {
            try {
                out.add(Level.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": \"" + n + "\" is not PROVINCE, DISTRICT or COMMUNE");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        return out;
    }

    private static JsonTree.Node parseJson(byte[] bytes) throws IOException {
        try (JsonParser p = JSON.createParser(bytes)) {
            p.nextToken();
            return JsonTree.read(p);
        }
    }

    private static JsonTree.Obj asObj(JsonTree.Node n, String what) {
        if (n instanceof JsonTree.Obj o) {
            if (!o.duplicates().isEmpty()) {
                throw new IllegalArgumentException(what + " holds key " + o.duplicates().get(0) + " twice");
            }
            return o;
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    public static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * The fingerprint recipe: SHA-256 over, for each source file in order (the descriptor, its
     * base vocabulary if it names one, then the DRL files as the descriptor lists them), the
     * UTF-8 bytes of
     * {@code name + "\n" + length + "\n"} followed by the file's bytes.
     */
    public static final class Fingerprint {
        private final MessageDigest digest;

        public Fingerprint() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public void add(String name, byte[] bytes) {
            digest.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Reads a descriptor object strictly: an unknown or duplicate field is an error naming its path. */
    private static final class Strict {
        public final JsonTree.Obj obj;
        public final String path;

        public Strict(JsonTree.Obj obj, String path, Set<String> allowed) {
            this.obj = obj;
            this.path = path;
            if (!obj.duplicates().isEmpty()) {
                throw new IllegalArgumentException(path + "/" + obj.duplicates().get(0) + " is given twice");
            }
            for (String k : obj.fields().keySet()) {
                if (!allowed.contains(k)) {
                    throw new IllegalArgumentException(path + "/" + k + " is not a descriptor field");
                }
            }
        }

        public Strict only(Set<String> allowed) {
            return new Strict(obj, path, allowed);
        }

        public boolean has(String k) {
            return obj.fields().containsKey(k);
        }

        public JsonTree.Node required(String k) {
            JsonTree.Node n = obj.get(k);
            if (n == null) {
                throw new IllegalArgumentException(path + "/" + k + " is missing");
            }
            return n;
        }

        public String string(String k) {
            return optionalString(k).orElseThrow(() -> new IllegalArgumentException(path + "/" + k + " is missing"));
        }

        public Optional<String> optionalString(String k) {
            JsonTree.Node n = obj.get(k);
            if (n == null) {
                return Optional.empty();
            }
            if (n instanceof JsonTree.Str s) {
                return Optional.of(s.value());
            }
            throw new IllegalArgumentException(path + "/" + k + " must be a string");
        }

        public Optional<Boolean> optionalBoolean(String k) {
            JsonTree.Node n = obj.get(k);
            if (n == null) {
                return Optional.empty();
            }
            if (n instanceof JsonTree.Bool b) {
                return Optional.of(b.value());
            }
            throw new IllegalArgumentException(path + "/" + k + " must be true or false");
        }

        public JsonTree.Obj obj(String k) {
            JsonTree.Node n = required(k);
            if (n instanceof JsonTree.Obj o) {
                return o;
            }
            throw new IllegalArgumentException(path + "/" + k + " must be an object");
        }

        public List<String> strings(String k, boolean required) {
            JsonTree.Node n = required ? required(k) : obj.get(k);
            if (n == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (n instanceof JsonTree.Arr a) {
                for (JsonTree.Node item : a.items()) {
                    if (!(item instanceof JsonTree.Str s)) {
                        throw new IllegalArgumentException(path + "/" + k + " must hold strings only");
                    }
                    out.add(s.value());
                }
                return out;
            }
            throw new IllegalArgumentException(path + "/" + k + " must be an array");
        }

        public List<Strict> objects(String k) {
            JsonTree.Node n = obj.get(k);
            if (n == null) {
                return List.of();
            }
            if (!(n instanceof JsonTree.Arr a)) {
                throw new IllegalArgumentException(path + "/" + k + " must be an array");
            }
            List<Strict> out = new ArrayList<>();
            for (int i = 0; i < a.items().size(); i++) {
                JsonTree.Node item = a.items().get(i);
                if (!(item instanceof JsonTree.Obj o)) {
                    throw new IllegalArgumentException(path + "/" + k + "/" + i + " must be an object");
                }
                out.add(new Strict(o, path + "/" + k + "/" + i, o.fields().keySet()));
            }
            return out;
        }
    }
}
