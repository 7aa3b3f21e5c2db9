package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mldelivery.core.seams.EngineSeams;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The form validation and fill logic shared by the descriptors of the Pipeline steps and of their
 * freestyle build steps. Every method checks that the caller may configure the job (or administer
 * Jenkins outside a job): the descriptors' {@code doCheck*} and {@code doFill*} methods, all
 * {@code @POST}, delegate here.
 */
public final class StepForms {
    private StepForms() {
        // static functions only
    }

    /**
     * Checks the permission to use a form of a job's configuration.
     *
     * @param item the job, {@code null} outside a job (e.g. the global Snippet Generator)
     */
    public static void checkConfigure(@CheckForNull final Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        }
        else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /**
     * Checks a required argument of a step's constructor.
     *
     * @param value    the argument
     * @param function the step's function name
     * @param what     what the argument is, e.g. {@code data: the file to validate}
     * @return the trimmed argument
     * @throws IllegalArgumentException if the argument is blank
     */
    public static String requireArgument(final String value, final String function, final String what) {
        String trimmed = Util.fixEmptyAndTrim(value);
        if (trimmed == null) {
            throw new IllegalArgumentException(function + " needs " + what);
        }
        return trimmed;
    }

    /**
     * Lists the build results a user may ask for when a step fails.
     *
     * @param item the job
     * @return FAILURE, UNSTABLE and SUCCESS
     */
    public static ListBoxModel buildResultItems(@CheckForNull final Item item) {
        checkConfigure(item);
        ListBoxModel items = new ListBoxModel();
        for (String result : StepOutcome.BUILD_RESULTS) {
            items.add(result);
        }
        return items;
    }

    /**
     * Checks a required text field.
     *
     * @param item  the job
     * @param value the value
     * @param what  the field's meaning, e.g. {@code The data file}
     * @return an error if the value is blank
     */
    public static FormValidation required(@CheckForNull final Item item, final String value, final String what) {
        checkConfigure(item);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.error(what + " is required");
        }
        return FormValidation.ok();
    }

    /**
     * Checks the gate's rules, one per line, with the engine's rule grammar.
     *
     * @param item  the job
     * @param value the rules text
     * @return an error naming the first rule that does not parse
     */
    public static FormValidation rules(@CheckForNull final Item item, final String value) {
        checkConfigure(item);
        List<String> rules = ListField.split(value);
        if (rules.isEmpty()) {
            return FormValidation.error("Give at least one rule, e.g. accuracy >= 0.85");
        }
        for (String rule : rules) {
            String problem = EngineSeams.checkRule(rule);
            if (problem != null) {
                return FormValidation.error(problem);
            }
        }
        return FormValidation.ok();
    }

    /**
     * Checks optional gate rules (warning rules), one per line, with the engine's rule grammar.
     *
     * @param item  the job
     * @param value the rules text
     * @return an error naming the first rule that does not parse
     */
    public static FormValidation optionalRules(@CheckForNull final Item item, final String value) {
        checkConfigure(item);
        for (String rule : ListField.split(value)) {
            String problem = EngineSeams.checkRule(rule);
            if (problem != null) {
                return FormValidation.error(problem);
            }
        }
        return FormValidation.ok();
    }

    /**
     * Checks a duration field such as {@code mlTrain}'s timeout.
     *
     * @param item  the job
     * @param value the duration, e.g. {@code 30m}
     * @return an error unless blank or a positive duration
     */
    public static FormValidation duration(@CheckForNull final Item item, final String value) {
        checkConfigure(item);
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        try {
            TrainSettings.timeoutMillis(text);
            return FormValidation.ok();
        }
        catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * Checks canary weights, one per line: whole percentages (the engine checks the rest against the plan).
     *
     * @param item  the job
     * @param value the weights text
     * @return an error naming the first wrong weight
     */
    public static FormValidation weights(@CheckForNull final Item item, final String value) {
        checkConfigure(item);
        try {
            parseWeights(ListField.split(value));
            return FormValidation.ok();
        }
        catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * Parses canary weights; whether they increase and where they end is the rollout plan's rule,
     * checked by the engine with the plan.
     *
     * @param items the weights as text
     * @return the weights
     * @throws IllegalArgumentException naming the first weight that is not a whole percentage
     */
    public static List<Integer> parseWeights(final List<String> items) {
        List<Integer> weights = new ArrayList<>();
        for (String item : items) {
            try {
                weights.add(Integer.parseInt(item.strip()));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("Weight '" + item + "' is not a whole percentage", e);
            }
        }
        return List.copyOf(weights);
    }
}
