/**
 * What people read instead of logs: the Markdown summary for a pull-request comment and the
 * self-contained HTML report (tables readable without JavaScript, charts drawn by an inlined
 * ECharts), both made from one run's results, its build record and a window of the history.
 */
package io.jenkins.plugins.mldelivery.core.report;
