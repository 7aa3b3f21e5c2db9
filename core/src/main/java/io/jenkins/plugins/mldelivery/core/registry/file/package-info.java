/**
 * The embedded registry: a directory of JSON documents and an append-only audit log, written
 * atomically under a file lock so that any number of processes can promote at once.
 */
package io.jenkins.plugins.mldelivery.core.registry.file;
