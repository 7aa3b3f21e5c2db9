/**
 * The canary judge: Mann-Whitney with Hodges-Lehmann intervals for continuous metrics, a test on
 * proportions for rates, a spread check, and group-sequential error spending across the steps so
 * that a rollout can stop early at a clear regression at an unchanged false-alarm rate.
 */
package io.jenkins.plugins.mldelivery.core.canary.judge;
