package org.example.springboot;

import io.github.cqskpi.KpiEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application that evaluates the contract's requests with one shared engine. */
@SpringBootApplication
public class KpiApplication {

    /**
     * The engine, built once at start-up (it loads and checks every rule set on the classpath,
     * and fails the start-up, naming what is wrong, if none is there or one is corrupt) and
     * shared by every request thread: it is immutable and thread-safe.
     *
     * @return the engine
     */
    @Bean
    KpiEngine kpiEngine() {
        return KpiEngine.builder().build();
    }

    /**
     * Starts the application.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SpringApplication.run(KpiApplication.class, args);
    }
}
