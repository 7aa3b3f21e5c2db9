package io.jenkins.plugins.mldelivery.core.seams;

import java.util.Map;
import java.util.Objects;

/**
 * The arguments of {@code mlPromote}; exactly one of {@code version}, {@code trainResultJson} and
 * {@code trainResultFile} is set.
 *
 * @param model           the registered model's name ({@code --model})
 * @param alias           the alias to move, e.g. {@code champion} ({@code --alias})
 * @param version         an existing version to promote ({@code --version}), if any
 * @param trainResultJson the {@code mlTrain} result of this build, to register as a new version by the
 *                        location of its archived model ({@code --from} with {@code --source-prefix}: the
 *                        embedded registry)
 * @param trainResultFile the {@code mlTrain} result of this build in a directory on the controller that
 *                        holds a copy of its archived files, to register with the files themselves
 *                        ({@code --from}: MLflow, which keeps them in its own artifact store)
 * @param artifactBase    the prefix that turns an archived artifact path of this build into the
 *                        version's source ({@code --source-prefix}), e.g. {@code jenkins:credit-risk#42/artifact/}
 * @param tags            tags naming the producing build ({@code --tag})
 * @param gateResultFile  this build's last {@code mlGate} result (a side file of the build on the
 *                        controller): a failed gate refuses the promotion unless forced; {@code null} without a gate
 * @param force           whether to promote past a failed gate ({@code --force})
 * @param who             who promotes: the build's user
 * @param buildUrl        the build, recorded with the alias move
 * @param idempotencyKey  the key that makes a repeated registration of the same training return the same version
 */
public record PromoteRequest(String model, String alias, Integer version,
        String trainResultJson, String trainResultFile, String artifactBase,
        Map<String, String> tags,
        String gateResultFile, boolean force, String who, String buildUrl, String idempotencyKey) {
    /** Validates the fields and copies the map. */
    public PromoteRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(artifactBase, "artifactBase");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(buildUrl, "buildUrl");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        tags = Map.copyOf(tags);
        int given = (version == null ? 0 : 1) + (trainResultJson == null ? 0 : 1) + (trainResultFile == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("Exactly one of version, trainResultJson and trainResultFile must be given");
        }
    }
}
