package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.significance.ComparisonEvidence;
import io.jenkins.plugins.mldelivery.core.gate.significance.Interval;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.Test;

import java.time.Instant;
import java.util.Map;

/**
 * The gate's values are equal by value, so that results compare and deduplicate as users expect.
 */
public class GateValuesTest {
    @Test
    public void shouldCompareResultsByValue() {
        EqualsVerifier.forClass(Champion.class).suppress(Warning.NULL_FIELDS)
                .withPrefabValues(MetricValues.class, MetricValues.of(Map.of("f1", 0.8)), MetricValues.of(Map.of("f1", 0.7)))
                .verify();
        EqualsVerifier.forClass(RuleSpec.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(RuleOutcome.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(ComparisonEvidence.class).suppress(Warning.NULL_FIELDS)
                .withPrefabValues(Interval.class, new Interval(0, 1), new Interval(-1, 0)).verify();
        EqualsVerifier.forClass(GateResult.class).suppress(Warning.NULL_FIELDS)
                .withPrefabValues(Timing.class, new Timing(Instant.EPOCH, Instant.EPOCH, 0),
                        new Timing(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 1000))
                .withPrefabValues(InputIdentity.class, new InputIdentity("a", 1, "00"), new InputIdentity("b", 2, "11"))
                .withPrefabValues(MetricValues.class, MetricValues.of(Map.of("f1", 0.8)), MetricValues.of(Map.of("f1", 0.7)))
                .verify();
    }
}
