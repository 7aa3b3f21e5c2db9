package io.jenkins.plugins.mldelivery.core.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A tiny training project written by a test: a POSIX shell "trainer" that reads params.yaml,
 * prints a few lines, writes metrics.json and model/model.bin, and misbehaves on request
 * ({@code MODE=fail|nan|nomodel|sleep}, {@code FAIL_DEPTH=N}, {@code NOISY_MODEL=1}, {@code VARY=1}).
 */
final class ToyProject {
    static final String PARAMS = """
            # toy parameters
            model:
              depth: 2
              lr: 0.1
            seed: 1
            """;
    static final String DATA = "x,y\n1,0\n2,1\n";

    private static final String SCRIPT = """
            #!/bin/sh
            set -e
            depth=$(sed -n 's/^  depth: *//p' params.yaml)
            lr=$(sed -n 's/^  lr: *//p' params.yaml)
            echo "training with depth $depth lr $lr"
            if [ "$depth" = "${FAIL_DEPTH:-none}" ]; then echo "depth $depth diverged" >&2; exit 4; fi
            case "${MODE:-ok}" in
              fail) echo "loading data"; echo "Traceback: boom" >&2; exit 3;;
              sleep) echo "sleeping"; sleep 60;;
            esac
            mkdir -p model
            acc=$(awk "BEGIN { print 0.5 + $depth / 10 - ($lr - 0.1) * ($lr - 0.1) + ${VARY:-0} * ${ML_DELIVERY_RUN:-0} / 1000 }")
            if [ "${MODE:-ok}" = nan ]; then acc=NaN; fi
            printf '{\\n  "accuracy": %s,\\n  "loss": 0.25\\n}\\n' "$acc" > metrics.json
            if [ "${MODE:-ok}" != nomodel ]; then printf 'model depth=%s lr=%s\\n' "$depth" "$lr" > model/model.bin; fi
            if [ -n "${NOISY_MODEL:-}" ]; then echo "built by process $$ at $(date +%s%N)" >> model/model.bin; fi
            echo "done"
            """;

    private final Path dir;

    private ToyProject(final Path dir) {
        this.dir = dir;
    }

    static ToyProject in(final Path dir) {
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("train.sh"), SCRIPT);
            Files.setPosixFilePermissions(dir.resolve("train.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("params.yaml"), PARAMS);
            Files.writeString(dir.resolve("data/train.csv"), DATA);
            return new ToyProject(dir);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** A request as a user would write it for this project. */
    TrainingRequest.Builder request() {
        return TrainingRequest.command(TrainingCommand.ofArguments(java.util.List.of("./train.sh")))
                .inDirectory(dir)
                .readingParams(Path.of("params.yaml"))
                .readingMetrics(Path.of("metrics.json"))
                .collectingModel("model/**")
                .trainingOn(Path.of("data/train.csv"));
    }
}
