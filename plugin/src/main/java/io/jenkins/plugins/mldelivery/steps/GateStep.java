package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor.FormException;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlGate}: judges the candidate's metrics with rules, comparing with the champion in the
 * registry when asked, and returns the {@code gate} result as a map.
 * <pre>
 * def g = mlGate rules: ['accuracy &gt;= 0.85', 'f1 &gt;= champion.f1 - 0.01'], model: 'credit-risk', buildResult: 'UNSTABLE'
 * if (g.status == 'FAILED') { ... }
 * </pre>
 */
public final class GateStep extends Step {
    static final String DEFAULT_ALIAS = "champion";

    private final List<String> rules;
    private String metrics;
    private String model;
    private String alias = DEFAULT_ALIAS;
    private String predictions;
    private String championPredictions;
    private List<String> warnRules = List.of();
    private String withoutChampion = GateSettings.DEFAULT_WITHOUT_CHAMPION;
    private String buildResult = StepOutcome.BUILD_RESULTS.get(0);

    /**
     * Creates the step.
     *
     * @param rules the rules, e.g. {@code accuracy >= 0.85}, {@code f1 >= champion.f1 - 0.01}
     */
    @DataBoundConstructor
    public GateStep(final List<String> rules) {
        this.rules = rules == null ? List.of() : List.copyOf(rules);
        if (this.rules.isEmpty()) {
            throw new IllegalArgumentException(GateOperation.FUNCTION + " needs rules: at least one, e.g. 'accuracy >= 0.85'");
        }
    }

    public List<String> getRules() {
        return rules;
    }

    @CheckForNull
    public String getMetrics() {
        return metrics;
    }

    /**
     * Sets the candidate's metrics file; without it the gate judges this build's {@code mlTrain} metrics.
     *
     * @param metrics the file (JSON, name to number), relative to the workspace
     */
    @DataBoundSetter
    public void setMetrics(final String metrics) {
        this.metrics = Util.fixEmptyAndTrim(metrics);
    }

    @CheckForNull
    public String getModel() {
        return model;
    }

    /**
     * Sets the registered model whose champion the rules may compare with ({@code champion.f1}).
     *
     * @param model the model's name in the registry
     */
    @DataBoundSetter
    public void setModel(final String model) {
        this.model = Util.fixEmptyAndTrim(model);
    }

    public String getAlias() {
        return alias;
    }

    /**
     * Sets the alias of the champion in the registry.
     *
     * @param alias the alias; blank for {@code champion}
     */
    @DataBoundSetter
    public void setAlias(final String alias) {
        String trimmed = Util.fixEmptyAndTrim(alias);
        this.alias = trimmed == null ? DEFAULT_ALIAS : trimmed;
    }

    @CheckForNull
    public String getPredictions() {
        return predictions;
    }

    /**
     * Sets the candidate's predictions, for the rules' significance tests.
     *
     * @param predictions the predictions CSV, relative to the workspace
     */
    @DataBoundSetter
    public void setPredictions(final String predictions) {
        this.predictions = Util.fixEmptyAndTrim(predictions);
    }

    @CheckForNull
    public String getChampionPredictions() {
        return championPredictions;
    }

    /**
     * Sets the champion's predictions on the same rows, for the rules' significance tests.
     *
     * @param championPredictions the predictions CSV, relative to the workspace
     */
    @DataBoundSetter
    public void setChampionPredictions(final String championPredictions) {
        this.championPredictions = Util.fixEmptyAndTrim(championPredictions);
    }

    public List<String> getWarnRules() {
        return warnRules;
    }

    /**
     * Sets rules that only warn when broken: the gate's status becomes WARNING, not FAILED.
     *
     * @param warnRules the rules, in the same grammar as {@code rules}
     */
    @DataBoundSetter
    public void setWarnRules(final List<String> warnRules) {
        this.warnRules = warnRules == null ? List.of() : List.copyOf(warnRules);
    }

    public String getWithoutChampion() {
        return withoutChampion;
    }

    /**
     * Sets what a rule about the champion does when it cannot be decided (no champion yet, or the
     * champion lacks the metric).
     *
     * @param withoutChampion {@code pass}, {@code warn} (the default) or {@code fail}
     */
    @DataBoundSetter
    public void setWithoutChampion(final String withoutChampion) {
        String value = Util.fixEmptyAndTrim(withoutChampion);
        this.withoutChampion = GateSettings.checkWithoutChampion(
                value == null ? GateSettings.DEFAULT_WITHOUT_CHAMPION : value);
    }

    public String getBuildResult() {
        return buildResult;
    }

    /**
     * Sets the build result when the gate fails.
     *
     * @param buildResult FAILURE (stop here), UNSTABLE (mark and go on) or SUCCESS (only record)
     */
    @DataBoundSetter
    public void setBuildResult(final String buildResult) {
        this.buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    GateSettings settings() {
        return new GateSettings(rules, warnRules, metrics, model, alias, predictions, championPredictions,
                withoutChampion, buildResult);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, settings());
    }

    /** Runs the gate off the Pipeline's thread; a restart in the middle fails the step. */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final GateSettings settings;

        Execution(final StepContext context, final GateSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return GateOperation.run(BuildContext.of(getContext()), settings);
        }
    }

    /** Declares {@code mlGate}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return GateOperation.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Gate an ML model: rules on its metrics and against the champion";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return BuildContext.WORKSPACE_CONTEXT;
        }

        @Override
        public Step newInstance(@Nullable final StaplerRequest2 req, @NonNull final JSONObject formData)
                throws FormException {
            return super.newInstance(req, ListField.splitInForm(ListField.splitInForm(formData, "rules", line -> line),
                    "warnRules", line -> line));
        }

        /**
         * Shows a list argument in a text area, one item per line.
         *
         * @param items the items
         * @return the text
         */
        public String text(final List<?> items) {
            return ListField.join(items);
        }

        /**
         * Lists the build results to choose from.
         *
         * @param item the job
         * @return FAILURE, UNSTABLE, SUCCESS
         */
        @POST
        public ListBoxModel doFillBuildResultItems(@AncestorInPath final Item item) {
            return StepForms.buildResultItems(item);
        }

        /**
         * Checks the rules, one per line, with the engine's rule grammar.
         *
         * @param item  the job
         * @param value the rules
         * @return an error naming the first rule that does not parse
         */
        @POST
        public FormValidation doCheckRules(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.rules(item, value);
        }

        /**
         * Checks the warning rules with the engine's rule grammar.
         *
         * @param item  the job
         * @param value the rules, one per line
         * @return an error naming the first rule that does not parse
         */
        @POST
        public FormValidation doCheckWarnRules(@AncestorInPath final Item item, @QueryParameter final String value) {
            return StepForms.optionalRules(item, value);
        }

        /**
         * Lists what an undecidable champion rule does.
         *
         * @param item the job
         * @return pass, warn, fail
         */
        @POST
        public ListBoxModel doFillWithoutChampionItems(@AncestorInPath final Item item) {
            StepForms.checkConfigure(item);
            ListBoxModel items = new ListBoxModel();
            for (String choice : GateSettings.WITHOUT_CHAMPION) {
                items.add(choice);
            }
            return items;
        }
    }
}
