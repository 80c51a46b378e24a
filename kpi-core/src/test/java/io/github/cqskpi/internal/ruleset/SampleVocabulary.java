package io.github.cqskpi.internal.ruleset;

import io.github.cqskpi.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A base vocabulary for the core's own tests, as a rule set would declare it: a copy of
 * dak-nong-2022's ({@code kpi-rules/.../daknong2022/vocabulary.json}), since kpi-core cannot
 * load kpi-rules. The library itself knows no key or role.
 */
public final class SampleVocabulary {

    public static final List<MetricDef> METRICS = List.of(
            new MetricDef("documents.total", MetricType.COUNT, null),
            new MetricDef("documents.electronic", MetricType.COUNT, "documents.total"),
            new MetricDef("documents.signed", MetricType.COUNT, "documents.electronic"),
            new MetricDef("procedures.eligible", MetricType.COUNT, null),
            new MetricDef("procedures.level4", MetricType.COUNT, "procedures.eligible"),
            new MetricDef("procedures.nationalPortal", MetricType.COUNT, "procedures.level4"),
            new MetricDef("results.valid", MetricType.COUNT, null),
            new MetricDef("results.digitized", MetricType.COUNT, "results.valid"),
            new MetricDef("dossiers.paperRequested", MetricType.COUNT, null),
            new MetricDef("dossiers.level4.total", MetricType.COUNT, null),
            new MetricDef("dossiers.level4.online", MetricType.COUNT, "dossiers.level4.total"),
            new MetricDef("dossiers.level3.total", MetricType.COUNT, null),
            new MetricDef("dossiers.level3.online", MetricType.COUNT, "dossiers.level3.total"),
            new MetricDef("satisfaction.responses", MetricType.COUNT, null),
            new MetricDef("satisfaction.satisfied", MetricType.COUNT, "satisfaction.responses"),
            new MetricDef("payments.total", MetricType.COUNT, null),
            new MetricDef("payments.online", MetricType.COUNT, "payments.total"),
            new MetricDef("staff.total", MetricType.COUNT, null),
            new MetricDef("staff.withComputer", MetricType.COUNT, "staff.total"),
            new MetricDef("systems.required", MetricType.COUNT, null),
            new MetricDef("systems.connected", MetricType.COUNT, "systems.required"),
            new MetricDef("media.dtColumnIssues", MetricType.COUNT, null),
            new MetricDef("reports.computers.submittedOn", MetricType.DATE, null),
            new MetricDef("reports.computersConsolidated.submittedOn", MetricType.DATE, null),
            new MetricDef("reports.sectorSystems.submittedOn", MetricType.DATE, null),
            new MetricDef("milestones.reportingSystemUpgraded", MetricType.FLAG, null),
            new MetricDef("milestones.dtPortalSection", MetricType.FLAG, null));

    public static final List<RoleDef> ROLES = List.of(
            new RoleDef("DIC", Set.of(Level.PROVINCE)),
            new RoleDef("NEWSPAPER", Set.of(Level.PROVINCE)),
            new RoleDef("BROADCASTER", Set.of(Level.PROVINCE)));

    private SampleVocabulary() {
    }

    /** The sample's keys and roles, then the given ones, as a rule set's descriptor adds its own. */
    public static Vocabulary withExtras(List<MetricDef> extraMetrics, List<RoleDef> extraRoles) {
        List<MetricDef> m = new ArrayList<>(METRICS);
        m.addAll(extraMetrics);
        List<RoleDef> r = new ArrayList<>(ROLES);
        r.addAll(extraRoles);
        return Vocabulary.of(m, r);
    }
}
