import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mutation score of PIT's two runs together: kpi-core's (its own example tests) and
 * kpi-rules' (the properties and conformance vectors, which need the real rules). PIT scores
 * each module's run alone; a mutant is killed when either run kills it.
 *
 * <pre>
 * mvn -B -Pmutation verify -pl kpi-core,kpi-rules -am
 * java .ci/PitUnion.java kpi-core/target/pit-reports/mutations.xml kpi-rules/target/pit-reports/mutations.xml
 * </pre>
 */
public class PitUnion {
    private static final Pattern MUTATION = Pattern.compile("<mutation [^>]*status='(\\w+)'[^>]*>(.*?)</mutation>",
            Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        Map<String, Boolean> killed = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        for (String file : args) {
            Matcher m = MUTATION.matcher(Files.readString(Path.of(file)));
            while (m.find()) {
                String body = m.group(2);
                String key = field(body, "mutatedClass") + "#" + field(body, "mutatedMethod") + ":"
                        + field(body, "lineNumber") + " " + field(body, "mutator") + " " + field(body, "index")
                        + " " + field(body, "description");
                boolean dead = m.group(1).equals("KILLED") || m.group(1).equals("TIMED_OUT")
                        || m.group(1).equals("MEMORY_ERROR");
                killed.merge(key, dead, Boolean::logicalOr);
                where.put(key, field(body, "mutatedClass").replaceAll(".*\\.", "") + "." + field(body, "mutatedMethod")
                        + " line " + field(body, "lineNumber") + ": " + field(body, "description"));
            }
        }
        long dead = killed.values().stream().filter(b -> b).count();
        Map<String, Integer> survivors = new TreeMap<>();
        killed.forEach((k, v) -> {
            if (!v) {
                survivors.merge(where.get(k), 1, Integer::sum);
            }
        });
        survivors.forEach((w, n) -> System.out.println("survived: " + w + (n > 1 ? " (" + n + ")" : "")));
        System.out.printf("mutation score, runs together: %d of %d killed, %.1f%%%n", dead, killed.size(),
                100.0 * dead / killed.size());
    }

    private static String field(String body, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
