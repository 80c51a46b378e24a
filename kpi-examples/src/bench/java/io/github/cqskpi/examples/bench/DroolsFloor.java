package io.github.cqskpi.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;

/**
 * What Drools alone costs a cold JVM, as a floor for the command line's cold start: loads the
 * default rule set's executable model from the command line's jar, builds its KieBase and fires
 * an empty batch, then exits. No request is read and nothing is written. The benchmark runs it
 * as {@code java -cp BENCH_CLASSES:kpi-cli.jar DroolsFloor} beside the command line and the
 * plain-Java program, so that the part of a cold start that Drools takes, and no code of ours
 * can save, is a figure too.
 */
public final class DroolsFloor {

    private DroolsFloor() {
    }

    /**
     * Builds and fires the model.
     *
     * @param args none
     * @throws Exception when the model cannot be found or built
     */
    public static void main(String[] args) throws Exception {
        ClassLoader loader = DroolsFloor.class.getClassLoader();
        String model = null;
        for (String list : lines(loader.getResource("META-INF/cqs-kpi/drools-models"))) {
            for (String cls : lines(loader.getResource(list))) {
                if (model == null && cls.startsWith("io.github.cqskpi.rules.") && !cls.startsWith("Drools-Model")) {
                    model = cls;
                }
            }
        }
        if (model == null) {
            throw new IllegalStateException("no model of the default rule set is listed on the classpath");
        }
        Model m = (Model) Class.forName(model, true, loader).getDeclaredConstructor().newInstance();
        KieBaseBuilder.createKieBaseFromModel(m).newStatelessKieSession().execute(List.of());
    }

    private static List<String> lines(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
