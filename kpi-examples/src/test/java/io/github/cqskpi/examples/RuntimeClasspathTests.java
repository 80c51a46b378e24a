package io.github.cqskpi.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cqskpi.KpiEngine;
import org.junit.jupiter.api.Test;

/**
 * This module sees the library as a user's project does, through kpi-core's and the rule
 * sets' published dependencies. The engine runs the pre-compiled executable model, so nothing
 * that compiles DRL is on that classpath; a dependency that brings it back fails here (see
 * "What you pull in" in CONTRIBUTING.md).
 */
class RuntimeClasspathTests {

    @Test
    void theEngineRunsWithoutTheDrlCompiler() {
        for (String compileTimeOnly : new String[] {
            "org.drools.drl.parser.DrlParser",                 // drools-drl-parser
            "org.antlr.v4.runtime.Parser",                     // antlr4-runtime
            "org.antlr.runtime.Parser",                        // antlr-runtime
            "org.eclipse.jdt.internal.compiler.Compiler",      // ecj
            "org.drools.model.codegen.ExecutableModelProject", // drools-model-codegen
            "com.github.javaparser.JavaParser",                // javaparser-core
            "org.apache.commons.codec.binary.Hex",             // commons-codec
        }) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(compileTimeOnly),
                    compileTimeOnly + " is back on the run-time classpath");
        }
        assertFalse(KpiEngine.builder().build().ruleSets().isEmpty());
    }
}
