package org.example.springboot;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RuleSetInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code ruleSets} component: up, with each loaded rule set
 * version as {@code id@version} and its SHA-256, so an operator sees which rules the
 * instance judges by.
 */
@Component("ruleSets")
class RuleSetsHealthIndicator implements HealthIndicator {

    private final KpiEngine engine;

    RuleSetsHealthIndicator(KpiEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        List<RuleSetInfo> loaded = engine.ruleSets();
        Health.Builder health = loaded.isEmpty() ? Health.down() : Health.up();
        Map<String, String> sha256 = new LinkedHashMap<>();
        loaded.forEach(r -> sha256.put(r.ref().id() + "@" + r.ref().version(), r.ref().sha256()));
        return health.withDetail("loaded", List.copyOf(sha256.keySet())).withDetail("sha256", sha256).build();
    }
}
