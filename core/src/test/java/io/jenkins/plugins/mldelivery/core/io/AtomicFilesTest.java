package io.jenkins.plugins.mldelivery.core.io;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class AtomicFilesTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldKeepTheOldContentWhenTheWriterFails() throws IOException {
        Path target = folder.getRoot().toPath().resolve("result.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");

        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(folder.getRoot().toPath())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    public void shouldReplaceTheContentAndCreateParents() throws IOException {
        Path target = folder.getRoot().toPath().resolve("a/b/result.json");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    public void shouldCreateFilesOthersCanReadAndKeepThePermissionsOfAReplacedFile() throws IOException {
        Path created = folder.getRoot().toPath().resolve("report.html");
        AtomicFiles.write(created, "<html/>".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(created)).contains(PosixFilePermission.OTHERS_READ);

        Path script = folder.getRoot().toPath().resolve("run.sh");
        Files.writeString(script, "old");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        AtomicFiles.write(script, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwx------");
    }

    @Test
    public void shouldComputeSizeAndSha256OfAFile() throws IOException {
        Path file = folder.newFile("abc.txt").toPath();
        Files.writeString(file, "abc");

        // printf abc | sha256sum
        assertThat(FileDigest.of(file)).isEqualTo(
                new FileDigest(3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    public void shouldNameAMissingFile() {
        Path file = folder.getRoot().toPath().resolve("absent.csv");

        assertThatThrownBy(() -> FileDigest.of(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": no such file");
    }
}
