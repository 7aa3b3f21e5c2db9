package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A drift policy written by a person: every key optional, typos and bad values rejected with the
 * file and the key.
 */
public class DriftPolicyFileTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String text) throws IOException {
        Path file = folder.newFile().toPath();
        Files.writeString(file, text);
        return file;
    }

    @Test
    public void shouldReadEveryKeyOfAPolicy() throws IOException {
        DriftPolicy policy = DriftPolicyFile.read(write("""
                alpha: 0.01
                correction: bonferroni
                rule: significant
                datasetDriftShare: 0.3
                numericMeasure: psi
                categoricalMeasure: psi
                thresholds: {psi: 0.25, wasserstein: 0.2}
                missingShareThreshold: 0.1
                constantReferenceThreshold: 0.05
                exactLimit: 5000
                psiBins: 20
                chartBinning: reference-quantile
                chartBins: 10
                chartCategories: 5
                columns:
                  income: {critical: true, measure: wasserstein, threshold: 0.3}
                  customer_id: {ignored: true}
                """));

        assertThat(policy).isEqualTo(DriftPolicy.builder().alpha(0.01).correction(Correction.BONFERRONI)
                .rule(DecisionRule.SIGNIFICANT).datasetDriftShare(0.3).numericMeasure(EffectMeasure.PSI)
                .categoricalMeasure(EffectMeasure.PSI).threshold(EffectMeasure.PSI, 0.25)
                .threshold(EffectMeasure.WASSERSTEIN, 0.2).missingShareThreshold(0.1).constantReferenceThreshold(0.05)
                .exactLimit(5000).psiBins(20).chartBins(ChartBinning.REFERENCE_QUANTILE, 10).chartCategories(5)
                .column("income", ColumnPolicy.criticalColumn().withMeasure(EffectMeasure.WASSERSTEIN).withThreshold(0.3))
                .column("customer_id", ColumnPolicy.ignoredColumn())
                .build());
    }

    @Test
    public void shouldUseTheDefaultsForAnEmptyFileAndReadJson() throws IOException {
        assertThat(DriftPolicyFile.read(write(""))).isEqualTo(DriftPolicy.defaults());
        assertThat(DriftPolicyFile.read(write("{\"alpha\": 0.1}"))).isEqualTo(DriftPolicy.builder().alpha(0.1).build());
    }

    @Test
    public void shouldNameTheFileAndTheKeyOfAMistake() throws IOException {
        Path typo = write("alpah: 0.01\n");
        Path measure = write("columns:\n  income: {measure: wasserstien}\n");
        Path range = write("alpha: 2\n");
        Path wrongType = write("datasetDriftShare: half\n");

        assertThatThrownBy(() -> DriftPolicyFile.read(typo)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(typo + ": alpah: unknown key (expected one of alpha, ");
        assertThatThrownBy(() -> DriftPolicyFile.read(measure)).isInstanceOf(BadInputException.class)
                .hasMessage(measure + ": columns.income.measure: unknown value 'wasserstien' (expected wasserstein, ks, psi, jensen-shannon)");
        assertThatThrownBy(() -> DriftPolicyFile.read(range)).isInstanceOf(BadInputException.class)
                .hasMessage(range + ": alpha must be between 0 and 1: 2.0");
        assertThatThrownBy(() -> DriftPolicyFile.read(wrongType)).isInstanceOf(BadInputException.class)
                .hasMessage(wrongType + ": datasetDriftShare: expected a number, found 'half'");
        assertThatThrownBy(() -> DriftPolicyFile.read(folder.getRoot().toPath().resolve("none.yaml")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("none.yaml: no such file");
    }
}
