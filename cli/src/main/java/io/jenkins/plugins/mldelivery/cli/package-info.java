/**
 * The {@code ml-delivery} command: each subcommand parses its options, runs one engine operation
 * of core, prints a short summary, writes the full result with {@code --json}, and exits with the
 * contract's code (0 passed, 1 failed on its own terms, 2 bad usage or input, 3 external failure).
 */
package io.jenkins.plugins.mldelivery.cli;
