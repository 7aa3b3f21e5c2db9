package io.jenkins.plugins.mldelivery.core.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last lines a command printed, so that a failure can be explained without scrolling through the
 * whole log. Thread-safe: the thread that reads the command's output adds, another one reads.
 */
public final class OutputTail implements Consumer<String> {
    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    /**
     * Creates an empty tail.
     *
     * @param capacity how many of the last lines to keep
     */
    public OutputTail(final int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds a line, forgetting the oldest one when full.
     *
     * @param line a line of output, without its line break
     */
    @Override
    public synchronized void accept(final String line) {
        if (capacity == 0) {
            return;
        }
        lines.addLast(line);
        if (lines.size() > capacity) {
            lines.removeFirst();
        }
    }

    /**
     * Returns the lines kept, oldest first.
     *
     * @return a copy of the lines
     */
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }
}
