package io.jenkins.plugins.mldelivery.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs engine work on the agent that holds the workspace, so that data is read where it lies and
 * never loaded on the controller. Only strings cross the channel: the task answers with JSON and
 * failures come back as JSON too, so no engine class has to pass Jenkins' class filter (JEP-200).
 */
public final class OnAgent {
    private OnAgent() {
        // static entry point only
    }

    /**
     * Runs a task in the workspace's JVM (the agent, or the controller for a built-in node).
     *
     * @param workspace the workspace
     * @param task      the work
     * @return the task's answer
     * @throws AbortException       if the engine rejected the input or an external system failed
     *                              (one line, no stack trace)
     * @throws IOException          if the task failed unexpectedly (with the agent's stack trace)
     *                              or the channel broke
     * @throws InterruptedException if the build was interrupted
     */
    public static String call(final FilePath workspace, final AgentTask task) throws IOException, InterruptedException {
        return unwrap(workspace.act(new TaskCallable(task)));
    }

    static String unwrap(final String envelope) throws IOException {
        JsonNode node;
        try {
            node = ResultJson.mapper().readTree(envelope);
        }
        catch (JsonProcessingException e) {
            throw new IOException("Malformed answer from the agent: " + e.getOriginalMessage(), e);
        }
        JsonNode error = node.path("error");
        if (error.isMissingNode()) {
            return node.path("value").asText();
        }
        EngineFailure kind = EngineFailure.valueOf(error.path("kind").asText());
        String message = error.path("message").asText();
        if (kind.isExpected()) {
            throw new AbortException(message);
        }
        throw new IOException("ML Delivery failed on the agent: " + message + System.lineSeparator()
                + error.path("trace").asText());
    }

    static String success(final String value) {
        ObjectNode node = ResultJson.mapper().createObjectNode();
        node.put("value", value);
        return node.toString();
    }

    static String failure(final Throwable failure) {
        EngineFailure kind = EngineFailure.of(failure);
        ObjectNode error = ResultJson.mapper().createObjectNode();
        error.put("kind", kind.name());
        error.put("message", kind.isExpected() ? String.valueOf(failure.getMessage()) : failure.toString());
        if (!kind.isExpected()) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            error.put("trace", trace.toString());
        }
        ObjectNode node = ResultJson.mapper().createObjectNode();
        node.set("error", error);
        return node.toString();
    }

    /** Runs the task on the agent and answers with a JSON envelope holding its value or its failure. */
    private static final class TaskCallable extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        private final AgentTask task;

        TaskCallable(final AgentTask task) {
            this.task = task;
        }

        @Override
        @SuppressWarnings("PMD.AvoidCatchingThrowable") // every failure must come back as JSON, never as a foreign class
        public String invoke(final File workspace, final VirtualChannel channel) throws InterruptedException {
            try {
                return success(task.run(workspace.toPath()));
            }
            catch (InterruptedException e) {
                throw e;
            }
            catch (Exception | LinkageError e) {
                return failure(e);
            }
        }
    }
}
