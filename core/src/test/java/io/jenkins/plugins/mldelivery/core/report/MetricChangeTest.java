package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import org.junit.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class MetricChangeTest {
    @Test
    public void shouldSayUpOrDownWithAnArrowAndBetterOrWorseInWords() {
        assertThat(new MetricChange("accuracy", 0.87, 0.86, true).describe()).isEqualTo("▲ +0.01 better");
        assertThat(new MetricChange("accuracy", 0.85, 0.86, true).describe()).isEqualTo("▼ -0.01 worse");
        assertThat(new MetricChange("latency_p95_ms", 31.4, 33.9, false).describe()).isEqualTo("▼ -2.5 better");
        assertThat(new MetricChange("tokens", 3.0, 2.0, null).describe()).isEqualTo("▲ +1");
        assertThat(new MetricChange("f1", 0.5, 0.5, true).describe()).isEqualTo("= no change");
        assertThat(new MetricChange("f1", 0.5, null, true).describe()).isEqualTo("new");
        assertThat(new MetricChange("f1", null, 0.5, true).describe()).isEqualTo("dropped");
    }

    @Test
    public void shouldTakeTheDirectionFromAGateRuleBeforeTheName() {
        GateRecord.Rule custom = new GateRecord.Rule("custom_score <= 3", "custom_score", 2.0, 3.0, true, false, null, "PASSED", null);

        assertThat(MetricChange.direction("custom_score", List.of(custom))).isFalse();
        assertThat(MetricChange.direction("custom_score[region=east]", List.of(custom))).isFalse();
        assertThat(MetricChange.direction("logloss", List.of())).isFalse();
        assertThat(MetricChange.direction("roc_auc", List.of())).isTrue();
        assertThat(MetricChange.direction("tokens", List.of())).isNull();
    }

    @Test
    public void shouldCompareEveryMetricEitherSideHas() {
        List<MetricChange> changes = MetricChange.compare(Map.of("a", 1.0, "b", 2.0), Map.of("b", 1.0, "c", 3.0), List.of());

        assertThat(changes).extracting(MetricChange::name).containsExactly("a", "b", "c");
        assertThat(changes.get(1).delta()).isEqualTo(1.0);
    }
}
