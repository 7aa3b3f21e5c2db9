package io.jenkins.plugins.mldelivery.pages;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.jenkins.plugins.mldelivery.core.seams.ChartSeams;
import io.jenkins.plugins.mldelivery.core.seams.TrendPoint;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The job's ML Delivery link and metric trend. The trend is drawn by the echarts-api plugin's
 * {@code trend-chart} tag, whose script asks {@link #getBuildTrendModel()} for the chart over Ajax
 * after the page has loaded; the history it reads is capped (newest first, see {@link TrainHistory}).
 */
public final class MlDeliveryJobAction implements Action, AsyncTrendChart {
    private static final Logger LOGGER = Logger.getLogger(MlDeliveryJobAction.class.getName());
    /** How many recent builds the job page looks at to decide whether to show the trend. */
    private static final int RECENT_BUILDS = 5;

    private final Job<?, ?> owner;

    MlDeliveryJobAction(final Job<?, ?> owner) {
        this.owner = owner;
    }

    public Job<?, ?> getOwner() {
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
        return MlDeliveryRunAction.URL_NAME;
    }

    /**
     * Sends the browser to the page of the newest build with ML Delivery results.
     *
     * @param request  the request
     * @param response the response
     * @throws IOException if the response cannot be written
     */
    public void doIndex(final StaplerRequest2 request, final StaplerResponse2 response) throws IOException {
        Run<?, ?> run = owner.getLastBuild();
        for (int i = 0; run != null && i < TrainHistory.SCAN_LIMIT; i++, run = run.getPreviousBuild()) {
            if (run.getAction(MlDeliveryRunAction.class) != null) {
                response.sendRedirect2("../" + run.getNumber() + "/" + MlDeliveryRunAction.URL_NAME);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    @JavaScriptMethod
    public String getBuildTrendModel() {
        owner.checkPermission(Item.READ);
        List<TrendPoint> points = TrainHistory.trend(owner.getLastBuild(), TrainHistory.TREND_BUILDS,
                TrainHistory.SCAN_LIMIT);
        try {
            return ChartSeams.metricTrendChart(points);
        }
        catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot draw the metric trend of " + owner, e);
            return new JacksonFacade().toJson(new LinesChartModel());
        }
    }

    @Override
    public boolean isTrendVisible() {
        // rendered with the job page: look only as far back as the trend shows
        return TrainHistory.trend(owner.getLastBuild(), 2, TrainHistory.TREND_BUILDS).size() >= 2;
    }

    /** Adds the action to the jobs whose recent builds recorded ML Delivery results. */
    @Extension
    @SuppressWarnings("rawtypes") // the extension point is declared on the raw Job type
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return MlDeliveryJobAction.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull final Job target) {
            Run<?, ?> run = target.getLastBuild();
            for (int i = 0; run != null && i < RECENT_BUILDS; i++, run = run.getPreviousBuild()) {
                if (run.getAction(MlDeliveryRunAction.class) != null) {
                    return List.of(new MlDeliveryJobAction(target));
                }
            }
            return List.of();
        }
    }
}
