package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.table.ByteDictionary;
import io.jenkins.plugins.mldelivery.core.table.ChunkProcessor;
import io.jenkins.plugins.mldelivery.core.table.RecordBatch;
import io.jenkins.plugins.mldelivery.core.table.Utf8;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the records of one chunk against the schema's value rules. String rules (allowed values,
 * pattern) are decided once per distinct value of the chunk and remembered by dictionary id, so a
 * regular expression runs per distinct value, not per row. Row numbers are offsets within the chunk
 * until the merge makes them absolute.
 */
final class ChunkChecker implements ChunkProcessor<ColumnFindings[]> {
    private final List<ColumnCheck> checks;
    private final ColumnFindings[] findings;
    private final byte[][] verdicts;
    private final Utf8 utf8 = new Utf8();

    ChunkChecker(final List<ColumnCheck> checks, final ColumnFindings[] ofFile) {
        this.checks = checks;
        findings = new ColumnFindings[checks.size()];
        verdicts = new byte[checks.size()][];
        for (int i = 0; i < checks.size(); i++) {
            findings[i] = ofFile[i].ofChunk();
            verdicts[i] = new byte[64];
        }
    }

    @Override
    public void accept(final RecordBatch batch) {
        for (int i = 0; i < checks.size(); i++) {
            ColumnCheck check = checks.get(i);
            ColumnFindings found = findings[i];
            int column = check.column();
            if (check.rules().maxMissingRate() != null) {
                int[] missing = batch.missingRecords(column);
                for (int m = 0; m < batch.missingCount(column); m++) {
                    found.missing.addCount(batch.line(missing[m]));
                }
            }
            if (batch.type(column).isNumeric()) {
                checkNumbers(batch, check, found);
            }
            else {
                checkText(batch, check, found, i);
            }
        }
    }

    private void checkNumbers(final RecordBatch batch, final ColumnCheck check, final ColumnFindings found) {
        int column = check.column();
        double[] values = batch.numbers(column);
        int[] records = batch.numberRecords(column);
        int n = batch.numberCount(column);
        if (check.declaresInteger()) {
            int[] fractions = batch.nonIntegerRecords(column);
            for (int f = 0; f < batch.nonIntegerCount(column); f++) {
                int record = fractions[f];
                found.type.add(batch.line(record), Double.toString(valueOf(batch, column, record)));
            }
        }
        double min = check.min();
        double max = check.max();
        double[] allowed = check.allowedNumber();
        boolean unique = check.rules().isUnique();
        for (int v = 0; v < n; v++) {
            double value = values[v];
            if (value < min) {
                found.min.addCount(batch.line(records[v]));
                found.smallest = Math.min(found.smallest, value);
            }
            if (value > max) {
                found.max.addCount(batch.line(records[v]));
                found.largest = Math.max(found.largest, value);
            }
            if (allowed != null && Arrays.binarySearch(allowed, value) < 0) {
                found.allowed.add(batch.line(records[v]), ValidationMessages.number(check.type(), value));
            }
            if (unique) {
                long bits = Double.doubleToLongBits(value == 0 ? 0.0 : value);
                found.hashes.add(ByteDictionary.hash(longBytes(bits), 0, 8), batch.line(records[v]));
            }
        }
    }

    private static double valueOf(final RecordBatch batch, final int column, final int record) {
        int[] records = batch.numberRecords(column);
        int index = Arrays.binarySearch(records, 0, batch.numberCount(column), record);
        return batch.numbers(column)[index];
    }

    private final byte[] eight = new byte[8];

    private byte[] longBytes(final long bits) {
        for (int i = 0; i < 8; i++) {
            eight[i] = (byte) (bits >>> (i * 8));
        }
        return eight;
    }

    private void checkText(final RecordBatch batch, final ColumnCheck check, final ColumnFindings found, final int index) {
        int column = check.column();
        int[] ids = batch.ids(column);
        ByteDictionary dictionary = batch.dictionary(column);
        boolean text = check.checksText();
        boolean unique = check.rules().isUnique();
        if (!text && !unique) {
            return;
        }
        if (verdicts[index].length < dictionary.size()) {
            verdicts[index] = Arrays.copyOf(verdicts[index], Math.max(dictionary.size(), verdicts[index].length * 2));
        }
        byte[] known = verdicts[index];
        for (int r = 0; r < batch.size(); r++) {
            int id = ids[r];
            if (id == RecordBatch.MISSING) {
                continue;
            }
            String unlisted = id == RecordBatch.UNLISTED ? batch.unlisted(column, r) : null;
            if (text) {
                int verdict;
                if (unlisted != null) {
                    verdict = check.verdict(unlisted);
                }
                else {
                    verdict = known[id];
                    if (verdict == 0) {
                        verdict = check.verdict(dictionary.value(id, utf8));
                        known[id] = (byte) verdict;
                    }
                }
                if ((verdict & ColumnCheck.NOT_ALLOWED) != 0) {
                    found.allowed.add(batch.line(r), unlisted != null ? unlisted : dictionary.value(id, utf8));
                }
                if ((verdict & ColumnCheck.NO_MATCH) != 0) {
                    found.pattern.add(batch.line(r), unlisted != null ? unlisted : dictionary.value(id, utf8));
                }
            }
            if (unique) {
                long hash;
                if (unlisted != null) {
                    byte[] bytes = unlisted.getBytes(StandardCharsets.UTF_8);
                    hash = ByteDictionary.hash(bytes, 0, bytes.length);
                }
                else {
                    hash = dictionary.hashOf(id);
                }
                found.hashes.add(hash, batch.line(r));
            }
        }
    }

    @Override
    public ColumnFindings[] finish() {
        return findings;
    }
}
