package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ScoringCommandTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldPassPathsWithBlanksAndQuotesSafely() throws IOException {
        Path dir = folder.getRoot().toPath();
        Path model = Files.writeString(dir.resolve("it's a model; rm -rf x.txt"), "id,label,prediction\n1,1,1\n");
        Path data = Files.writeString(dir.resolve("eval $HOME.csv"), "id\n1\n");

        Path out = new ScoringCommand("cp {model} {out} && test -f {data}", Duration.ofSeconds(30))
                .score("the challenger", model.toString(), data, dir.resolve("out dir/predictions.csv"), dir);

        assertThat(out).hasContent("id,label,prediction\n1,1,1");
    }

    @Test
    public void shouldRequireEveryPlaceholder() {
        assertThatThrownBy(() -> new ScoringCommand("python predict.py --model {model} --data {data}", Duration.ofSeconds(1)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("scoring command 'python predict.py --model {model} --data {data}': missing {out}; write for example"
                        + " 'python predict.py --model {model} --data {data} --out {out}'");
    }

    @Test
    public void shouldStopACommandThatTakesTooLong() {
        Path dir = folder.getRoot().toPath();
        ScoringCommand slow = new ScoringCommand("sleep 30 # {model} {data} {out}", Duration.ofMillis(300));

        assertThatThrownBy(() -> slow.score("the champion", "m", dir.resolve("d.csv"), dir.resolve("p.csv"), dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("scoring command for the champion took longer than 0 s and was stopped");
    }

    @Test
    public void shouldSayWhenNoPredictionsWereWritten() {
        Path dir = folder.getRoot().toPath();

        assertThatThrownBy(() -> new ScoringCommand("true {model} {data} {out}", Duration.ofSeconds(5))
                .score("the champion", "m", dir.resolve("d.csv"), dir.resolve("p.csv"), dir))
                .hasMessageStartingWith("scoring command for the champion wrote no predictions to " + dir.resolve("p.csv"));
    }
}
