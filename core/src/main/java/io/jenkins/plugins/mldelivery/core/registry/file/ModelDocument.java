package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.registry.RegisteredModel;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A model's document ({@code models/NAME/model.json}): where its aliases point, its newest
 * version, the idempotency keys it has seen, and the sequence number of the last audit event
 * applied to it (so a reader can tell whether the log is ahead of the document).
 *
 * @param name            the model
 * @param createdAt       when its first version was registered
 * @param seq             the last audit event applied
 * @param latestVersion   the highest version number
 * @param aliases         alias to version
 * @param idempotencyKeys idempotency key to the version it registered
 */
record ModelDocument(String name, Instant createdAt, long seq, int latestVersion, SortedMap<String, Integer> aliases,
        SortedMap<String, Integer> idempotencyKeys) {
    ModelDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        aliases = frozen(aliases);
        idempotencyKeys = frozen(idempotencyKeys);
    }

    static ModelDocument create(final String name, final Instant createdAt) {
        return new ModelDocument(name, createdAt, 0, 0, null, null);
    }

    /** Returns the document after an event; the event's side files are the store's business. */
    ModelDocument apply(final AuditEvent event) {
        SortedMap<String, Integer> newAliases = new TreeMap<>(aliases);
        SortedMap<String, Integer> newKeys = new TreeMap<>(idempotencyKeys);
        int newLatest = latestVersion;
        switch (event.action()) {
            case REGISTER -> {
                newLatest = Math.max(latestVersion, event.version());
                if (event.document().idempotencyKey() != null) {
                    newKeys.put(event.document().idempotencyKey(), event.version());
                }
            }
            case SET_ALIAS, ROLLBACK_ALIAS -> newAliases.put(event.alias(), event.toVersion());
            case REMOVE_ALIAS -> newAliases.remove(event.alias());
            case SET_STAGE -> {
                // stages live in the version documents
            }
            default -> throw new IllegalStateException("unknown action " + event.action());
        }
        return new ModelDocument(name, createdAt, event.seq(), newLatest, newAliases, newKeys);
    }

    RegisteredModel toRegisteredModel() {
        return new RegisteredModel(name, createdAt, latestVersion, aliases);
    }

    private static SortedMap<String, Integer> frozen(final Map<String, Integer> map) {
        return map == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
