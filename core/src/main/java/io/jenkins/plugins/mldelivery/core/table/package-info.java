/**
 * Streaming readers of tabular files (CSV per RFC 4180 first) and column typing: a file is split
 * into chunks at record boundaries that do not depend on the thread count, each chunk is parsed
 * byte by byte into columnar batches, and errors name the file, row and column. The delimiter is
 * detected from the header and first records unless given; records are bounded in length.
 */
package io.jenkins.plugins.mldelivery.core.table;
