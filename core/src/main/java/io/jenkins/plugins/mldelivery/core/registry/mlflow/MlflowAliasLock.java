package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowApiException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes the alias moves of one model take turns across processes, so that each move reads the
 * alias, records where it was and moves it without another move in between. MLflow offers no
 * compare-and-set, but creating a registered model is atomic (a second creation of the same name
 * fails with {@code RESOURCE_ALREADY_EXISTS}), so a registered model {@code mld-lock.MODEL} that
 * lives for the duration of one move is the lock. A lock older than its lease belongs to a process
 * that died holding it and is broken.
 */
final class MlflowAliasLock implements AutoCloseable {
    /** The name prefix of lock models, which {@link MlflowModelRegistry#models()} leaves out. */
    static final String PREFIX = "mld-lock.";

    private final MlflowClient client;
    private final String name;

    private MlflowAliasLock(final MlflowClient client, final String name) {
        this.client = client;
        this.name = name;
    }

    /**
     * Waits for the lock of a model's aliases.
     *
     * @param client  the transport
     * @param model   the model
     * @param clock   the clock the lease and the wait are measured by
     * @param lease   how long a holder may keep the lock before others take it as abandoned
     * @param timeout how long to wait for it
     * @return the held lock
     * @throws ExternalSystemException when the wait times out
     */
    static MlflowAliasLock acquire(final MlflowClient client, final String model, final Clock clock, final Duration lease,
            final Duration timeout) {
        String name = PREFIX + model;
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            try {
                client.post("registered-models/create", Map.of("name", name,
                        "description", "ml-delivery is moving an alias of '" + model + "'; deleted when the move is done"));
                return new MlflowAliasLock(client, name);
            }
            catch (MlflowApiException e) {
                // Under contention MLflow may also answer "not found": the holder it found deleted the lock meanwhile.
                if (!e.isAlreadyExists() && !e.isNotFound()) {
                    throw e;
                }
            }
            Instant created = createdAt(client, name);
            if (created != null && created.plus(lease).isBefore(clock.instant())) {
                delete(client, name); // its holder died: a move takes well under the lease
                continue;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new ExternalSystemException("MLflow registry " + client.baseUri() + ": the aliases of '" + model
                        + "' are being moved by another promotion since " + created + " (registered model '" + name
                        + "'); waited " + timeout.toSeconds() + " s");
            }
            sleep(ThreadLocalRandom.current().nextLong(20, 120));
        }
    }

    @Override
    public void close() {
        delete(client, name);
    }

    private static Instant createdAt(final MlflowClient client, final String name) {
        try {
            JsonNode model = client.get("registered-models/get", Map.of("name", name)).path("registered_model");
            return Instant.ofEpochMilli(model.path("creation_timestamp").asLong());
        }
        catch (MlflowApiException e) {
            if (e.isNotFound()) {
                return null; // released meanwhile
            }
            throw e;
        }
    }

    private static void delete(final MlflowClient client, final String name) {
        try {
            client.delete("registered-models/delete", Map.of("name", name));
        }
        catch (MlflowApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalSystemException("interrupted while waiting to move an alias", e);
        }
    }
}
