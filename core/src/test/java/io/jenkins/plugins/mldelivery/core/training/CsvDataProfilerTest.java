package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code train --data} profiles the data files it can read, chosen by content for JSON Lines and Parquet. */
public class CsvDataProfilerTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldProfileJsonLinesWhateverItsNameAndHashOnlyOtherFiles() throws Exception {
        Path jsonLines = folder.getRoot().toPath().resolve("features.data");
        Files.writeString(jsonLines, "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n");
        Path image = folder.getRoot().toPath().resolve("photo.bin");
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path fakeParquet = folder.getRoot().toPath().resolve("fake.parquet");
        Files.writeString(fakeParquet, "a,b\n1,2\n");
        CsvDataProfiler profiler = new CsvDataProfiler();

        assertThat(profiler.handles(jsonLines)).isTrue();
        assertThat(profiler.handles(image)).isFalse();
        assertThat(profiler.handles(fakeParquet)).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        profiler.profile(jsonLines, out);
        DatasetProfile profile = ResultJson.mapper().readValue(out.toByteArray(), DatasetProfile.class);
        assertThat(profile.rows()).isEqualTo(2);
        assertThat(profile.columnNames()).containsExactly("a", "b");
    }
}
