package io.jenkins.plugins.mldelivery.core.result;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ResultJsonTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldWriteInstantsAsIsoStringsAndReadThemBack() throws IOException {
        Timing timing = new Timing(Instant.parse("2026-11-25T10:15:30Z"), Instant.parse("2026-11-25T10:15:31.5Z"), 1500);
        Path file = folder.getRoot().toPath().resolve("nested/timing.json");

        ResultJson.write(file, timing);

        assertThat(Files.readString(file)).contains("\"startedAt\" : \"2026-11-25T10:15:30Z\"");
        assertThat(ResultJson.read(file, Timing.class)).isEqualTo(timing);
    }

    @Test
    public void shouldNameFileLineAndColumnOfMalformedJson() throws IOException {
        Path file = folder.newFile("broken.json").toPath();
        Files.writeString(file, "{\n  \"startedAt\": \"2026-11-25T10:15:30Z\",\n  oops\n}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResultJson.read(file, Timing.class))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":3:");
    }

    @Test
    public void shouldSayWhenTheFileIsMissing() {
        Path file = folder.getRoot().toPath().resolve("absent.json");

        assertThatThrownBy(() -> ResultJson.read(file, Timing.class))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    public void shouldCombineStatusesToTheWorst() {
        assertThat(Status.PASSED.and(Status.WARNING)).isEqualTo(Status.WARNING);
        assertThat(Status.FAILED.and(Status.WARNING)).isEqualTo(Status.FAILED);
        assertThat(Status.PASSED.and(Status.PASSED)).isEqualTo(Status.PASSED);
    }
}
