/**
 * The five steps ({@code mlValidateData}, {@code mlTrain}, {@code mlGate}, {@code mlPromote},
 * {@code mlCanary}), each as a Pipeline step and as a freestyle build step sharing one operation class.
 */
package io.jenkins.plugins.mldelivery.steps;
