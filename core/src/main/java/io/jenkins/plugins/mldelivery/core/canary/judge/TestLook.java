package io.jenkins.plugins.mldelivery.core.canary.judge;

/**
 * One sequential test of one metric at one look: this step's own statistic and what the
 * combination over all looks so far concluded. A positive {@code z} means the canary is higher
 * (or, for the spread test, more spread out).
 *
 * @param information   the information this step added (the effective sample size {@code mn/(m+n)})
 * @param z             this step's own standardised statistic
 * @param combinedZ     the inverse-normal combination over all looks with data so far
 * @param criticalValue this look's critical value for {@code |combinedZ|} in the bad direction, or {@code null} if none
 * @param pValue        the nominal p-value of {@code combinedZ} in the bad direction(s)
 * @param threshold     the nominal p-value at the critical value: the test stops when {@code pValue <= threshold}
 */
public record TestLook(double information, double z, double combinedZ, Double criticalValue, double pValue, double threshold) {
}
