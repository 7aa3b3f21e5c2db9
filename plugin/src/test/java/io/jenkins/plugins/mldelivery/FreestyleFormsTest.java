package io.jenkins.plugins.mldelivery;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.mldelivery.steps.CanaryBuilder;
import io.jenkins.plugins.mldelivery.steps.CanaryStep;
import io.jenkins.plugins.mldelivery.steps.GateBuilder;
import io.jenkins.plugins.mldelivery.steps.GateStep;
import io.jenkins.plugins.mldelivery.steps.PromoteBuilder;
import io.jenkins.plugins.mldelivery.steps.PromoteStep;
import io.jenkins.plugins.mldelivery.steps.TrainBuilder;
import io.jenkins.plugins.mldelivery.steps.TrainStep;
import io.jenkins.plugins.mldelivery.steps.ValidateDataBuilder;
import io.jenkins.plugins.mldelivery.steps.ValidateDataStep;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Specifies the forms of the five freestyle build steps: each is the Pipeline step's form, so every
 * parameter, set to a value other than its default, comes back from the job's configuration page
 * unchanged (a field name of {@code config.jelly} that no setter or getter matches would lose it),
 * and the build steps' help is the steps' help. Each step's own test class runs its build step after
 * the same round trip ({@code shouldTrainInAFreestyleJob} and friends).
 */
public class FreestyleFormsTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void shouldKeepEveryParameterOfTheFiveBuildStepsThroughTheJobsForm() throws Exception {
        ValidateDataStep validation = new ValidateDataStep("data/batch.csv");
        validation.setSchema("schema.json");
        validation.setReference("data/train.csv");
        validation.setDriftPolicy("drift-policy.yaml");
        validation.setBuildResult("UNSTABLE");

        TrainStep training = new TrainStep("python train.py --epochs 3", "out/metrics.json");
        training.setParams("params.yaml");
        training.setModel("model/**");
        training.setOverrides(List.of("model.max_depth=4", "+seed=7"));
        training.setData(List.of("data/train.csv", "data/holdout.csv"));
        training.setEnv(List.of("EPOCHS=3", "MODE=fast"));
        training.setTimeout("30m");
        training.setMlflowExperiment("credit-risk");
        training.setBuildResult("UNSTABLE");

        GateStep gate = new GateStep(List.of("accuracy >= 0.85", "f1 >= champion.f1 - 0.01"));
        gate.setMetrics("out/metrics.json");
        gate.setModel("credit-risk");
        gate.setAlias("production");
        gate.setWarnRules(List.of("latency_p95_ms <= 40"));
        gate.setWithoutChampion("fail");
        gate.setPredictions("out/candidate.csv");
        gate.setChampionPredictions("out/champion.csv");
        gate.setBuildResult("SUCCESS");

        PromoteStep promotion = new PromoteStep("credit-risk", "staging");
        promotion.setVersion(3);
        promotion.setForce(true);

        CanaryStep canary = new CanaryStep("credit-risk", "canary.yaml");
        canary.setSteps(List.of(5, 25, 100));
        canary.setBuildResult("UNSTABLE");

        FreeStyleProject project = j.createFreeStyleProject();
        TestJobs.configureThroughTheForm(j, project, new ValidateDataBuilder(validation), new TrainBuilder(training),
                new GateBuilder(gate), new PromoteBuilder(promotion), new CanaryBuilder(canary));

        TrainStep submitted = project.getBuildersList().get(TrainBuilder.class).getStep();
        assertThat(submitted.getEnv()).containsExactly("EPOCHS=3", "MODE=fast");
        assertThat(project.getBuildersList().get(CanaryBuilder.class).getStep().getSteps()).containsExactly(5, 25, 100);
    }

    @Test
    public void shouldLeaveTheOptionalParametersAtTheirDefaultsThroughTheJobsForm() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        TestJobs.configureThroughTheForm(j, project, new ValidateDataBuilder(new ValidateDataStep("batch.csv")),
                new TrainBuilder(new TrainStep("sh train.sh", "metrics.json")),
                new GateBuilder(new GateStep(List.of("accuracy >= 0.85"))),
                new PromoteBuilder(new PromoteStep("credit-risk", "champion")),
                new CanaryBuilder(new CanaryStep("credit-risk", "canary.yaml")));

        PromoteStep promotion = project.getBuildersList().get(PromoteBuilder.class).getStep();
        assertThat(promotion.getVersion()).as("a blank version is this build's model, not version 0").isNull();
        assertThat(project.getBuildersList().get(TrainBuilder.class).getStep().getTimeout()).isNull();
    }

    /** Help files are found through the current request (Descriptor.getHelpFile): they are checked on the form. */
    @Test
    public void shouldShowTheHelpOfThePipelineStepsOnTheBuildStepsForm() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new ValidateDataBuilder(new ValidateDataStep("batch.csv")));
        project.getBuildersList().add(new TrainBuilder(new TrainStep("sh train.sh", "metrics.json")));
        project.getBuildersList().add(new GateBuilder(new GateStep(List.of("accuracy >= 0.85"))));
        project.getBuildersList().add(new PromoteBuilder(new PromoteStep("credit-risk", "champion")));
        project.getBuildersList().add(new CanaryBuilder(new CanaryStep("credit-risk", "canary.yaml")));
        JenkinsRule.WebClient web = j.createWebClient();
        web.setJavaScriptEnabled(false);

        String form = web.getPage(project, "configure").getWebResponse().getContentAsString();

        for (String step : List.of("ValidateDataStep", "TrainStep", "GateStep", "PromoteStep", "CanaryStep")) {
            assertThat(form).as("the help of the build step made of " + step)
                    .contains("/descriptor/io.jenkins.plugins.mldelivery.steps." + step + "/help\"");
        }
        assertThat(form).as("the help of a field, from the step's descriptor")
                .contains("/descriptor/io.jenkins.plugins.mldelivery.steps.TrainStep/help/timeout\"")
                .doesNotContain("/descriptor/io.jenkins.plugins.mldelivery.steps.TrainBuilder/help");
    }
}
