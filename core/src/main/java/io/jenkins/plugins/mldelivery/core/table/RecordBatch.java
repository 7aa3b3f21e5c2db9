package io.jenkins.plugins.mldelivery.core.table;

/**
 * Up to {@link #CAPACITY} consecutive records of a chunk, decoded column by column: numeric
 * columns as arrays of doubles (with the record each came from), string and boolean columns as
 * dictionary ids, plus the records where each column is missing. Batches are reused: read them
 * inside {@link ChunkProcessor#accept(RecordBatch)} only.
 */
public final class RecordBatch {
    /** The most records in one batch. */
    public static final int CAPACITY = 1024;
    /** The id of a missing value in {@link #ids(int)}. */
    public static final int MISSING = -1;
    /** The id of a value that the full dictionary could not list; see {@link #unlisted(int, int)}. */
    public static final int UNLISTED = -2;

    final int columns;
    final ColumnType[] types;
    int size;
    final int[] lines = new int[CAPACITY];

    /** Field bounds, record-major (record r's column c is at r * columns + c); a negative end marks doubled quotes. */
    final int[] fieldStart;
    final int[] fieldEnd;

    final double[][] numbers;
    final int[][] numberRecords;
    final int[] numberCount;
    final int[][] ids;
    final String[][] unlisted;
    final int[][] missingRecords;
    final int[] missingCount;
    final int[][] nonIntegerRecords;
    final int[] nonIntegerCount;
    final ByteDictionary[] dictionaries;

    RecordBatch(final ColumnType[] types, final ByteDictionary[] dictionaries) {
        this.columns = types.length;
        this.types = types.clone();
        this.dictionaries = dictionaries;
        fieldStart = new int[columns * CAPACITY];
        fieldEnd = new int[columns * CAPACITY];
        numbers = new double[columns][];
        numberRecords = new int[columns][];
        ids = new int[columns][];
        unlisted = new String[columns][];
        missingRecords = new int[columns][CAPACITY];
        missingCount = new int[columns];
        numberCount = new int[columns];
        nonIntegerRecords = new int[columns][];
        nonIntegerCount = new int[columns];
        for (int c = 0; c < columns; c++) {
            if (types[c].isNumeric()) {
                numbers[c] = new double[CAPACITY];
                numberRecords[c] = new int[CAPACITY];
                nonIntegerRecords[c] = new int[CAPACITY];
            }
            else {
                ids[c] = new int[CAPACITY];
                unlisted[c] = new String[CAPACITY];
            }
        }
    }

    /**
     * Returns the number of records in this batch.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Returns the line of a record relative to the first line of its chunk (0 for the chunk's first
     * line); {@link ChunkWork#merge} learns the chunk's absolute first line.
     *
     * @param record the record's index in this batch
     * @return its line offset within the chunk
     */
    public int line(final int record) {
        return lines[record];
    }

    /**
     * Returns the number of columns.
     *
     * @return the column count
     */
    public int columnCount() {
        return columns;
    }

    /**
     * Returns a column's type.
     *
     * @param column the column's index
     * @return its type
     */
    public ColumnType type(final int column) {
        return types[column];
    }

    /**
     * Returns the non-missing values of a numeric column (date-times as seconds since the epoch),
     * valid up to {@link #numberCount(int)}.
     *
     * @param column the column's index
     * @return the values, in record order
     */
    public double[] numbers(final int column) {
        return numbers[column];
    }

    /**
     * Returns the record of each value in {@link #numbers(int)}.
     *
     * @param column the column's index
     * @return the records, valid up to {@link #numberCount(int)}
     */
    public int[] numberRecords(final int column) {
        return numberRecords[column];
    }

    /**
     * Returns how many non-missing values a numeric column has in this batch.
     *
     * @param column the column's index
     * @return the count
     */
    public int numberCount(final int column) {
        return numberCount[column];
    }

    /**
     * Returns the records where an integer column holds a value with a fraction, valid up to
     * {@link #nonIntegerCount(int)}.
     *
     * @param column the column's index
     * @return the records
     */
    public int[] nonIntegerRecords(final int column) {
        return nonIntegerRecords[column];
    }

    /**
     * Returns how many values with a fraction an integer column has in this batch.
     *
     * @param column the column's index
     * @return the count (0 for other types)
     */
    public int nonIntegerCount(final int column) {
        return nonIntegerCount[column];
    }

    /**
     * Returns the dictionary id of each record's value in a string or boolean column:
     * {@link #MISSING}, {@link #UNLISTED} or an id of {@link #dictionary(int)}.
     *
     * @param column the column's index
     * @return the ids, valid up to {@link #size()}
     */
    public int[] ids(final int column) {
        return ids[column];
    }

    /**
     * Returns the value of a record whose id is {@link #UNLISTED}.
     *
     * @param column the column's index
     * @param record the record
     * @return the value
     */
    public String unlisted(final int column, final int record) {
        return unlisted[column][record];
    }

    /**
     * Returns the dictionary of a string or boolean column; it lives as long as the chunk.
     *
     * @param column the column's index
     * @return the dictionary
     */
    public ByteDictionary dictionary(final int column) {
        return dictionaries[column];
    }

    /**
     * Returns the records where a column is missing, valid up to {@link #missingCount(int)}.
     *
     * @param column the column's index
     * @return the records
     */
    public int[] missingRecords(final int column) {
        return missingRecords[column];
    }

    /**
     * Returns how many records of this batch miss a column.
     *
     * @param column the column's index
     * @return the count
     */
    public int missingCount(final int column) {
        return missingCount[column];
    }
}
