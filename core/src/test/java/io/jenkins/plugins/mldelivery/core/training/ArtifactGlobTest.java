package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ArtifactGlobTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldMatchAntPatternsAsJenkinsArchiveArtifactsDoes() {
        assertThat(ArtifactGlob.of("model/**").matches("model/a/b.bin")).isTrue();
        assertThat(ArtifactGlob.of("model/**").matches("models/a.bin")).isFalse();
        assertThat(ArtifactGlob.of("**/*.joblib").matches("model.joblib")).isTrue();
        assertThat(ArtifactGlob.of("**/*.joblib").matches("out/deep/model.joblib")).isTrue();
        assertThat(ArtifactGlob.of("*.joblib").matches("out/model.joblib")).isFalse();
        assertThat(ArtifactGlob.of("model/").matches("model/x")).isTrue();
        assertThat(ArtifactGlob.of("model/m?.pt").matches("model/m1.pt")).isTrue();
        assertThat(ArtifactGlob.of("model").matches("model/weights.pt")).isTrue();
    }

    @Test
    public void shouldFindMatchingFilesInPathOrderWithSizeAndSha256() throws Exception {
        Path root = folder.getRoot().toPath();
        write(root.resolve("model/b.bin"), "bbb");
        write(root.resolve("model/a.bin"), "abc");
        write(root.resolve("other/c.bin"), "c");

        List<Artifact> found = ArtifactGlob.of("model/**").find(root, Set.of());

        // sha256("abc") from FIPS 180-2, appendix B.1
        assertThat(found).extracting(Artifact::path).containsExactly("model/a.bin", "model/b.bin");
        assertThat(found.get(0)).isEqualTo(new Artifact("model/a.bin", 3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    public void shouldNotSearchVersionControlOrExcludedDirectories() throws Exception {
        Path root = folder.getRoot().toPath();
        write(root.resolve("m.joblib"), "1");
        write(root.resolve(".git/objects/x.joblib"), "2");
        write(root.resolve("artifacts/m.joblib"), "3");

        assertThat(ArtifactGlob.of("**/*.joblib").find(root, Set.of(root.resolve("artifacts"))))
                .extracting(Artifact::path).containsExactly("m.joblib");
    }

    @Test
    public void shouldFindNothingWhenThePatternMatchesNothing() {
        assertThat(ArtifactGlob.of("model/**").find(folder.getRoot().toPath(), Set.of())).isEmpty();
        assertThat(ArtifactGlob.of("model.joblib").find(folder.getRoot().toPath(), Set.of())).isEmpty();
    }

    @Test
    public void shouldRefuseAnAbsolutePattern() {
        assertThatThrownBy(() -> ArtifactGlob.of("/tmp/model/**")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("relative to the working directory");
    }

    private static void write(final Path file, final String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
