/**
 * The gate: a model passes to promotion only if its metrics meet the team's rules, absolutely
 * ({@code accuracy >= 0.85}), against the champion ({@code f1 >= champion.f1 - 0.01}), across
 * slices ({@code max_gap(accuracy, by=gender) <= 0.05}) and with evidence from both models'
 * predictions ({@code f1 > champion.f1 significantly}). The rule language is in {@code gate.rule},
 * the statistics in {@code gate.significance}.
 */
package io.jenkins.plugins.mldelivery.core.gate;
