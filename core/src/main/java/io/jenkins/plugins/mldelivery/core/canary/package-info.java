/**
 * Progressive rollouts that promote or roll back by themselves: a resumable controller that moves
 * traffic through the plan's steps with a router, collects samples from a metrics source, and
 * lets a sequential judge decide at each step, persisting its state after every transition.
 */
package io.jenkins.plugins.mldelivery.core.canary;
