/**
 * The gate's rule language: a hand-written lexer and recursive-descent parser for rules such as
 * {@code f1 >= champion.f1 - 0.01 with 95% confidence}, the expressions they are made of, and the
 * metrics they are evaluated against. No script engine is involved.
 */
package io.jenkins.plugins.mldelivery.core.gate.rule;
