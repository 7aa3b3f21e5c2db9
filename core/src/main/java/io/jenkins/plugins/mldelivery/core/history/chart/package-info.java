/**
 * The chart models the build and job pages (over Ajax) and the standalone report draw: trends
 * across builds as echarts-build-trends {@code LinesChartModel}s, and the charts of one run (drift
 * per feature, one feature's histogram, the canary's timeline) as ECharts options of our own.
 */
package io.jenkins.plugins.mldelivery.core.history.chart;
