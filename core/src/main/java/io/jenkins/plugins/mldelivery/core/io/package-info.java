/**
 * File work every step needs: atomic writes (temp file, fsync, rename), streamed SHA-256, and
 * the two kinds of error a user can act on (bad input, a failing external system).
 */
package io.jenkins.plugins.mldelivery.core.io;
