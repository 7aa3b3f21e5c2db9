package io.jenkins.plugins.mldelivery.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.seams.ChartSeams;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The ML Delivery results of one build. {@code build.xml} keeps only a short list of entries; each
 * step's full result JSON lives in a side file of the build directory ({@code ml-delivery/STEM.json})
 * and is read lazily, kept in memory only as long as the garbage collector allows (the pattern of
 * plugin-util-api's {@code BuildAction}, which this class does not extend because it stores one
 * XStream document per action while a build here gathers several JSON results).
 */
public final class MlDeliveryRunAction implements RunAction2 {
    /** The URL of the build's page, and of the job's trend (so that the trend's links land here). */
    public static final String URL_NAME = "ml-delivery";
    /** The folder of the side files in the build directory, and of the archived artifacts. */
    public static final String DIRECTORY = "ml-delivery";

    private static final Logger LOGGER = Logger.getLogger(MlDeliveryRunAction.class.getName());
    private static final Object ATTACH_LOCK = new Object();

    private final List<RecordedStep> steps = new ArrayList<>();
    private int counter;

    private transient Run<?, ?> owner;
    private transient Map<String, SoftReference<JsonNode>> cache = new ConcurrentHashMap<>();

    private MlDeliveryRunAction() {
        // created by of(Run) only
    }

    /**
     * Returns the action of a build, attaching a new one on first use.
     *
     * @param run the build
     * @return its action
     */
    public static MlDeliveryRunAction of(final Run<?, ?> run) {
        synchronized (ATTACH_LOCK) {
            MlDeliveryRunAction action = run.getAction(MlDeliveryRunAction.class);
            if (action == null) {
                action = new MlDeliveryRunAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /**
     * Restores the transient cache after XStream read the action from {@code build.xml}.
     *
     * @return this
     */
    Object readResolve() {
        cache = new ConcurrentHashMap<>();
        return this;
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        owner = r;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "ML Delivery";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * Reserves the stem of the next step's side file and artifacts, so that two calls of a step in
     * one build do not overwrite each other.
     *
     * @param step the step's name, e.g. {@code validate}
     * @return the stem, e.g. {@code 02-validate}
     */
    public synchronized String nextStem(final String step) {
        counter++;
        return String.format(Locale.ROOT, "%02d-%s", counter, step);
    }

    /**
     * Records a step's result: writes its JSON to the side file (atomically) and its entry to
     * {@code build.xml}.
     *
     * @param stem   the stem from {@link #nextStem(String)}
     * @param step   the step's name
     * @param result the engine's result
     * @throws IOException if the build cannot be saved
     */
    public void record(final String stem, final String step, final EngineResult result) throws IOException {
        AtomicFiles.write(directory().resolve(stem + ".json"), result.json().getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            steps.add(new RecordedStep(stem, step, result.status().name(), result.headline()));
        }
        owner.save();
    }

    /**
     * Returns the recorded steps, in the order they ran.
     *
     * @return a copy of the entries
     */
    public synchronized List<RecordedStep> getSteps() {
        return List.copyOf(steps);
    }

    /**
     * Returns the last recorded entry of a step.
     *
     * @param step the step's name, e.g. {@code train}
     * @return the entry, if the step ran in this build
     */
    public synchronized Optional<RecordedStep> latestEntry(final String step) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).getStep().equals(step)) {
                return Optional.of(steps.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the result JSON of the last call of a step in this build.
     *
     * @param step the step's name, e.g. {@code train}
     * @return the result, if the step ran and its side file is readable
     */
    public Optional<JsonNode> latest(final String step) {
        return latestEntry(step).map(this::read);
    }

    /**
     * Reads a step's result from its side file, or from memory if still there.
     *
     * @param entry the entry
     * @return the result, or {@code null} if the side file is missing or broken (logged)
     */
    @CheckForNull
    public JsonNode read(final RecordedStep entry) {
        SoftReference<JsonNode> reference = cache.get(entry.getStem());
        JsonNode cached = reference == null ? null : reference.get();
        if (cached != null) {
            return cached;
        }
        Path file = resultFile(entry);
        try {
            JsonNode node = ResultJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            cache.put(entry.getStem(), new SoftReference<>(node));
            return node;
        }
        catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the ML Delivery result " + file, e);
            return null;
        }
    }

    /**
     * Returns the side file that holds a step's full result, in the build directory on the controller.
     *
     * @param entry the entry
     * @return the file, e.g. {@code builds/42/ml-delivery/03-gate.json}
     */
    public Path resultFile(final RecordedStep entry) {
        return directory().resolve(entry.getStem() + ".json");
    }

    /**
     * Returns the view model of the summary on the build page and of this action's page.
     *
     * @return the summary
     */
    public RunSummary getSummary() {
        return new RunSummary(this, TrainHistory.previousMetrics(owner));
    }

    /**
     * Returns the model of one chart of this action's page, computed when the browser asks for it
     * (never while the page renders).
     *
     * @param chart {@code drift}, {@code canary} or {@code histogram:COLUMN}
     * @return an ECharts {@code option} object as JSON; a chart with only a title when the data is
     *         missing or the engine cannot draw it
     */
    @JavaScriptMethod
    public String getChartModel(final String chart) {
        owner.checkPermission(Item.READ);
        try {
            if ("drift".equals(chart)) {
                return latest("validate").map(node -> ChartSeams.driftChart(node.toString()))
                        .orElseGet(() -> titleOnly("No data validation in this build"));
            }
            if ("canary".equals(chart)) {
                return latest("canary").map(node -> ChartSeams.canaryChart(node.toString()))
                        .orElseGet(() -> titleOnly("No canary in this build"));
            }
            if (chart != null && chart.startsWith("histogram:")) {
                String column = chart.substring("histogram:".length());
                return latest("validate").map(node -> ChartSeams.histogramChart(node.toString(), column))
                        .orElseGet(() -> titleOnly("No histogram of " + column + " in this build's data validation"));
            }
            return titleOnly("Unknown chart");
        }
        catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot draw chart " + chart + " of " + owner, e);
            return titleOnly("Chart not available: " + e.getMessage());
        }
    }

    private static String titleOnly(final String text) {
        ObjectNode option = ResultJson.mapper().createObjectNode();
        option.putObject("title").put("text", text).put("left", "center");
        return option.toString();
    }

    private Path directory() {
        return owner.getRootDir().toPath().resolve(DIRECTORY);
    }
}
