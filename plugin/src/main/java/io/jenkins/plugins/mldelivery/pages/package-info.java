/**
 * What users see: the build's action (a summary on the build page, a page of its own with charts,
 * the results kept in side files of the build directory) and the job's metric trend.
 */
package io.jenkins.plugins.mldelivery.pages;
