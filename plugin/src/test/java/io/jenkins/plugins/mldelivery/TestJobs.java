package io.jenkins.plugins.mldelivery;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.FreeStyleProject;
import hudson.tasks.Builder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Jobs and workspace files for the tests: Pipelines from a script (sandboxed, as users write them)
 * and the data sets the steps read, generated here so that every test shows what it feeds in.
 */
final class TestJobs {
    /** A training command that writes a metrics file and a model file, as a real training does. */
    static final String TRAINING_COMMAND = "printf '{\"accuracy\": %s, \"f1\": %s}' > metrics.json"
            + " && mkdir -p model && printf 'weights' > model/model.bin";

    private TestJobs() {
        // static factories only
    }

    /**
     * Creates a Pipeline job running a sandboxed script.
     *
     * @param j      the Jenkins under test
     * @param script the Pipeline script
     * @return the job
     * @throws Exception if the job cannot be created
     */
    static WorkflowJob pipeline(final JenkinsRule j, final String script) throws Exception {
        return define(j.createProject(WorkflowJob.class), script);
    }

    /**
     * Creates a Pipeline job of a given name running a sandboxed script.
     *
     * @param j      the Jenkins under test
     * @param name   the job's name
     * @param script the Pipeline script
     * @return the job
     * @throws Exception if the job cannot be created
     */
    static WorkflowJob pipeline(final JenkinsRule j, final String name, final String script) throws Exception {
        return define(j.createProject(WorkflowJob.class, name), script);
    }

    private static WorkflowJob define(final WorkflowJob job, final String script) throws Exception {
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /**
     * Writes a file into the workspace of a freestyle job before its first build.
     *
     * @param j       the Jenkins under test
     * @param project the job
     * @param name    the file's path in the workspace
     * @param content the file's text
     * @throws IOException          if the file cannot be written
     * @throws InterruptedException if interrupted
     */
    static void writeToWorkspace(final JenkinsRule j, final FreeStyleProject project, final String name,
            final String content) throws IOException, InterruptedException {
        FilePath workspace = j.jenkins.getWorkspaceFor(project);
        workspace.child(name).write(content, StandardCharsets.UTF_8.name());
    }

    /**
     * Adds build steps to a freestyle job through its configuration form, as a user would: the steps
     * are added, the job's configuration page is loaded and submitted unchanged, and each step the form
     * made must equal the one added, parameter by parameter.
     *
     * @param j        the Jenkins
     * @param project  the job
     * @param builders the build steps, in order (at most one of each class)
     * @throws Exception if the form cannot be loaded or submitted, or changed a parameter
     */
    static void configureThroughTheForm(final JenkinsRule j, final FreeStyleProject project, final Builder... builders)
            throws Exception {
        for (Builder builder : builders) {
            project.getBuildersList().add(builder);
        }
        j.configRoundtrip(project);
        for (Builder builder : builders) {
            Builder submitted = project.getBuildersList().get(builder.getClass());
            assertThat(submitted).as("the form made a new %s", builder.getClass().getSimpleName()).isNotSameAs(builder);
            j.assertEqualDataBoundBeans(builder, submitted);
        }
    }

    /**
     * Returns the training command for given metrics.
     *
     * @param accuracy the accuracy the "model" reaches
     * @param f1       its F1 score
     * @return the shell command
     */
    static String trainingCommand(final double accuracy, final double f1) {
        return String.format(Locale.ROOT, TRAINING_COMMAND, accuracy, f1);
    }

    /**
     * Returns a credit data set: a numeric {@code income} and a categorical {@code segment}, the
     * income shifted by {@code incomeShift} (0 for the reference's distribution).
     *
     * @param rows        the number of rows
     * @param incomeShift what to add to every income
     * @return the CSV text, with a header row
     */
    static String creditData(final int rows, final int incomeShift) {
        StringBuilder csv = new StringBuilder("income,segment\n");
        for (int i = 0; i < rows; i++) {
            int income = 1000 + (i * 37) % 500 + incomeShift;
            csv.append(income).append(',').append("ABC".charAt(i % 3)).append('\n');
        }
        return csv.toString();
    }

    /**
     * Quotes a text for a single-quoted Groovy string in a Pipeline script.
     *
     * @param text the text
     * @return the text with backslashes, single quotes and line breaks escaped
     */
    static String groovy(final String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n");
    }
}
