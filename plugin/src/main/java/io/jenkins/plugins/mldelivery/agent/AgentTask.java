package io.jenkins.plugins.mldelivery.agent;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * A piece of engine work that runs on the agent next to the data and answers with one JSON string.
 * Implement it as a small record holding the request: it is serialized to the agent.
 */
@FunctionalInterface
public interface AgentTask extends Serializable {
    /**
     * Runs the work.
     *
     * @param workspace the workspace, local to the agent
     * @return the answer, a JSON string
     * @throws Exception any failure; engine exceptions are reported to the build as one line
     */
    String run(Path workspace) throws Exception;
}
