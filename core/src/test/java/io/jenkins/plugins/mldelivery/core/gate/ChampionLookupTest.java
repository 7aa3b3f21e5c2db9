package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import io.jenkins.plugins.mldelivery.core.registry.file.FileModelRegistry;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ChampionLookupTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private ModelRegistry registry;

    @Before
    public void openRegistry() {
        registry = new FileModelRegistry(folder.getRoot().toPath().resolve("registry"));
    }

    private ModelVersion register(final double f1) {
        return registry.register(VersionRequest.forModel("credit-risk").withSource("models/f1-" + f1)
                .withMetrics(Map.of("f1", f1, "accuracy[gender=F]", 0.8)).registeredBy(ChangeNote.by("test")).build());
    }

    @Test
    public void shouldFindTheVersionTheAliasPointsAt() {
        register(0.70);
        ModelVersion second = register(0.75);
        register(0.72);
        registry.setAlias("credit-risk", "champion", second.version(), ChangeNote.by("test"));

        ChampionLookup lookup = ChampionLookup.find(registry, "credit-risk", "champion");

        assertThat(lookup.champion()).contains(new Champion("credit-risk", "2", "champion", second.source(),
                MetricValues.of(Map.of("f1", 0.75, "accuracy[gender=F]", 0.8))));
        assertThat(lookup.reason()).isNull();
    }

    @Test
    public void shouldFollowAnotherAliasWhenAsked() {
        ModelVersion first = register(0.70);
        register(0.75);
        registry.setAlias("credit-risk", "production", first.version(), ChangeNote.by("test"));

        assertThat(ChampionLookup.find(registry, "credit-risk", "production").champion().orElseThrow().version()).isEqualTo("1");
        assertThat(ChampionLookup.find(registry, "credit-risk", "champion").reason())
                .isEqualTo("no champion yet: model 'credit-risk' has no version with alias 'champion' in " + registry.uri());
    }

    @Test
    public void shouldExplainTheFirstModelOfAName() throws java.io.IOException {
        java.nio.file.Files.createDirectories(folder.getRoot().toPath().resolve("registry")); // an empty registry
        ChampionLookup lookup = ChampionLookup.find(registry, "credit-risk", "champion");

        assertThat(lookup.champion()).isEmpty();
        assertThat(lookup.reason()).isEqualTo("no champion yet: model 'credit-risk' is not registered in " + registry.uri() + " yet");
        GateResult result = new GateEngine(java.time.Clock.systemUTC()).evaluate(lookup.applyTo(GateRequest.builder())
                .metrics(MetricValues.of(Map.of("f1", 0.8))).rule("f1 >= champion.f1").build());
        assertThat(result.rules().get(0).reason()).startsWith("skipped: no champion yet: model 'credit-risk' is not registered");
    }

    @Test
    public void shouldTravelAsJsonFromTheRegistrysMachineToTheGatesMachine() {
        ModelVersion version = register(0.75);
        registry.setAlias("credit-risk", "champion", version.version(), ChangeNote.by("test"));
        ChampionLookup found = ChampionLookup.find(registry, "credit-risk", "champion");
        ChampionLookup missing = ChampionLookup.find(registry, "credit-risk", "production");

        assertThat(ChampionLookup.fromJson(found.toJson())).isEqualTo(found);
        assertThat(ChampionLookup.fromJson(missing.toJson())).isEqualTo(missing);
        assertThat(ChampionLookup.fromJson(found.toJson()).champion().orElseThrow().metrics().find("accuracy[gender=F]"))
                .hasValue(0.8);
        assertThatThrownBy(() -> ChampionLookup.fromJson("{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
