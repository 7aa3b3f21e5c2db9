package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

public class ParamsFileTest {
    private static final String YAML = """
            # a DVC-style params file
            train:
              lr: 0.1
              epochs: 10
              layers: [64, 32]
            model:
              type: gbm
              balanced: true
            seed: 7
            """;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws Exception {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void shouldFlattenNestedYamlToDottedKeysInFileOrderAsDvcShowsThem() throws Exception {
        ParamsFile params = ParamsFile.read(write("params.yaml", YAML));

        assertThat(params.flat()).containsExactly(entry("train.lr", 0.1), entry("train.epochs", 10),
                entry("train.layers", List.of(64, 32)), entry("model.type", "gbm"), entry("model.balanced", true),
                entry("seed", 7));
    }

    @Test
    public void shouldHashTheSameParametersTheSameWhateverTheFormatOrOrder() throws Exception {
        ParamsFile yaml = ParamsFile.read(write("params.yaml", YAML));
        ParamsFile json = ParamsFile.read(write("params.json", """
                {"seed": 7, "model": {"balanced": true, "type": "gbm"},
                 "train": {"layers": [64, 32], "epochs": 10, "lr": 0.1}}"""));
        ParamsFile toml = ParamsFile.read(write("params.toml", """
                seed = 7
                [train]
                lr = 0.1
                epochs = 10
                layers = [64, 32]
                [model]
                type = "gbm"
                balanced = true
                """));

        assertThat(ParamsFile.sha256(json.flat())).isEqualTo(ParamsFile.sha256(yaml.flat()))
                .isEqualTo(ParamsFile.sha256(toml.flat()))
                .isNotEqualTo(ParamsFile.sha256(yaml.withOverrides(List.of(ParamOverride.parse("seed=8"))).flat()));
    }

    @Test
    public void shouldApplyOverridesWithTheValueTypesAYamlFileWouldHave() throws Exception {
        ParamsFile params = ParamsFile.read(write("params.yaml", YAML)).withOverrides(List.of(
                ParamOverride.parse("train.lr=0.05"), ParamOverride.parse("model.type=linear"),
                ParamOverride.parse("model.balanced=false"), ParamOverride.parse("+train.dropout=0.2"),
                ParamOverride.parse("++seed=11"), ParamOverride.parse("train.layers=[8, 4]")));

        assertThat(params.overridden()).isTrue();
        assertThat(params.flat()).contains(entry("train.lr", 0.05), entry("model.type", "linear"),
                entry("model.balanced", false), entry("train.dropout", 0.2), entry("seed", 11),
                entry("train.layers", List.of(8, 4)));
    }

    @Test
    public void shouldRefuseToOverrideAParameterTheFileDoesNotHaveSoTyposAreNotSilentlyIgnored() throws Exception {
        ParamsFile params = ParamsFile.read(write("params.yaml", YAML));

        assertThatThrownBy(() -> params.withOverrides(List.of(ParamOverride.parse("train.lrr=0.1"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("params.yaml has no parameter 'train.lrr'")
                .hasMessageContaining("+train.lrr=VALUE");
        assertThatThrownBy(() -> params.withOverrides(List.of(ParamOverride.parse("+seed=1"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already has this parameter");
        assertThatThrownBy(() -> ParamOverride.parse("seed"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("expected KEY=VALUE");
    }

    @Test
    public void shouldNameTheLineAndColumnOfAYamlSyntaxError() throws Exception {
        Path file = write("params.yaml", "train:\n  lr: 0.1\n   epochs: [10\n");

        assertThatThrownBy(() -> ParamsFile.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":3:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    public void shouldNameTheLineOfAJsonSyntaxErrorAndRefuseANonMappingTop() throws Exception {
        Path broken = write("params.json", "{\n  \"lr\": 0.1,\n  \"epochs\" 10\n}");
        Path list = write("list.yaml", "- 1\n- 2\n");

        assertThatThrownBy(() -> ParamsFile.read(broken)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(broken + ":3:");
        assertThatThrownBy(() -> ParamsFile.read(list)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected a mapping").hasMessageContaining("found array");
        assertThatThrownBy(() -> ParamsFile.read(folder.getRoot().toPath().resolve("missing.yaml")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("missing.yaml: no such file");
    }

    @Test
    public void shouldWriteOverridesOverTheFileForTheRunAndPutTheOriginalBytesBack() throws Exception {
        Path file = write("params.yaml", YAML);
        ParamsFile params = ParamsFile.read(file).withOverrides(List.of(ParamOverride.parse("train.epochs=3")));

        try (ParamsFile.Restoration restoration = params.writeOver(file)) {
            assertThat(ParamsFile.read(file).flat()).containsEntry("train.epochs", 3).containsEntry("train.lr", 0.1);
        }

        assertThat(Files.readString(file)).isEqualTo(YAML);
    }

    @Test
    public void shouldWriteOverridesInTheFilesOwnFormat() throws Exception {
        Path toml = write("params.toml", "[train]\nlr = 0.1\n");
        ParamsFile params = ParamsFile.read(toml).withOverrides(List.of(ParamOverride.parse("train.lr=0.5")));

        try (ParamsFile.Restoration restoration = params.writeOver(toml)) {
            assertThat(ParamsFile.read(toml).flat()).containsExactly(entry("train.lr", 0.5));
        }
    }
}
