package io.jenkins.plugins.mldelivery.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of {@code mlPromote}; exactly one of {@code version} and {@code trainResultJson} is set.
 *
 * @param model           the registered model's name ({@code --model})
 * @param alias           the alias to move, e.g. {@code champion} ({@code --alias})
 * @param version         an existing version to promote ({@code --version}), if any
 * @param trainResultJson the {@code mlTrain} result of this build, to register as a new version
 *                        ({@code --from}); {@code null} when {@code version} is given
 * @param artifactBase    the prefix that turns an archived artifact path of this build into the
 *                        version's source, e.g. {@code jenkins:credit-risk#42/artifact/}
 * @param tags            tags naming the producing build ({@code jenkins.job}, {@code jenkins.build},
 *                        {@code jenkins.url})
 */
public record PromoteRequest(String model, String alias, @CheckForNull Integer version,
        @CheckForNull String trainResultJson, String artifactBase, Map<String, String> tags) {
    /** Validates the fields and copies the map. */
    public PromoteRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(artifactBase, "artifactBase");
        tags = Map.copyOf(tags);
        if ((version == null) == (trainResultJson == null)) {
            throw new IllegalArgumentException("Exactly one of version and trainResultJson must be given");
        }
    }
}
