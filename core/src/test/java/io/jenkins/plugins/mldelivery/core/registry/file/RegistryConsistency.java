package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.RegisteredModel;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an embedded registry against its own audit log: replaying every line from the start must
 * give exactly the models, versions and aliases the registry shows, lines must be numbered without
 * gaps, and each alias's moves must chain (each starts where the one before ended).
 */
final class RegistryConsistency {
    private RegistryConsistency() {
        // static checks only
    }

    /** Returns the audit events, having checked every line is whole and numbered 1, 2, 3, … */
    static List<AuditEvent> auditEvents(final Path root) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve(AuditLog.FILE_NAME));
        for (String line : lines) {
            events.add(ResultJson.mapper().readValue(line, AuditEvent.class));
        }
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).as("sequence number of audit line %d", i + 1).isEqualTo(i + 1);
        }
        return events;
    }

    static void check(final FileModelRegistry registry, final Path root) throws IOException {
        List<AuditEvent> events = auditEvents(root);
        Map<String, Integer> latest = new TreeMap<>();
        Map<String, Map<String, Integer>> aliases = new TreeMap<>();
        Map<String, Integer> aliasEnds = new HashMap<>();
        for (AuditEvent event : events) {
            Map<String, Integer> modelAliases = aliases.computeIfAbsent(event.model(), key -> new TreeMap<>());
            switch (event.action()) {
                case REGISTER -> {
                    assertThat(event.version()).as("versions are numbered in order").isEqualTo(latest.getOrDefault(event.model(), 0) + 1);
                    latest.put(event.model(), event.version());
                }
                case SET_ALIAS, ROLLBACK_ALIAS, REMOVE_ALIAS -> {
                    String key = event.model() + "/" + event.alias();
                    assertThat(event.fromVersion()).as("move %d starts where the alias was", event.seq()).isEqualTo(aliasEnds.get(key));
                    assertThat(event.toVersion() == null || event.toVersion() <= latest.getOrDefault(event.model(), 0))
                            .as("move %d points at a registered version", event.seq()).isTrue();
                    aliasEnds.put(key, event.toVersion());
                    if (event.toVersion() == null) {
                        modelAliases.remove(event.alias());
                    }
                    else {
                        modelAliases.put(event.alias(), event.toVersion());
                    }
                }
                default -> {
                    // stages are not replayed here
                }
            }
        }
        assertThat(registry.models()).containsExactlyElementsOf(latest.keySet());
        for (Map.Entry<String, Integer> model : latest.entrySet()) {
            RegisteredModel shown = registry.findModel(model.getKey()).orElseThrow();
            assertThat(shown.latestVersion()).isEqualTo(model.getValue());
            assertThat(shown.aliases()).isEqualTo(aliases.get(model.getKey()));
            List<ModelVersion> versions = registry.versions(model.getKey());
            assertThat(versions).extracting(ModelVersion::version).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, model.getValue()).boxed().toList());
            List<AliasMove> history = registry.aliasHistory(model.getKey(), null);
            assertThat(history).hasSize((int) events.stream().filter(e -> e.model().equals(model.getKey()) && e.movesAlias()).count());
            for (AliasMove move : history) {
                assertThat(move.toVersion() == null || Objects.requireNonNull(move.toVersion()) <= model.getValue()).isTrue();
            }
        }
    }
}
