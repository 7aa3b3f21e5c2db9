/**
 * What routers, sources and the controller share to act in the world: waiting (through an
 * injectable sleeper, so tests never wait in real time) and running user commands with a timeout.
 */
package io.jenkins.plugins.mldelivery.core.canary.runtime;
