package io.jenkins.plugins.mldelivery.core.table;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How one top-level Parquet column maps onto the profile's column types: integers (int32, int64,
 * any width, signed or not) are integer; float, double and decimal are decimal; boolean is boolean;
 * strings, enums, JSON and unannotated binary are string; date, timestamp (millis, micros, nanos;
 * with or without UTC adjustment, a local timestamp being read as if it were UTC, as a CSV date-time
 * without a zone is) and the legacy int96 timestamp are date-time, in seconds since the epoch.
 *
 * @param name       the column's name
 * @param kind       how its values are stored
 * @param type       the column type it maps to
 * @param scale      the decimal scale (0 unless a decimal)
 * @param unitPerSecond for timestamps, how many stored units make a second
 * @param describe   the Parquet type as a reader would write it, for messages and schema comparisons
 */
record ParquetColumn(String name, Kind kind, ColumnType type, int scale, double unitPerSecond, String describe) {
    /** How values are stored. */
    enum Kind {
        INT32, UINT32, INT64, UINT64, FLOAT, DOUBLE, DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BINARY, BOOLEAN, STRING,
        DATE, TIMESTAMP, INT96
    }

    /**
     * Maps a top-level field.
     *
     * @param field the field
     * @return the column, or {@code null} when the field is nested (a group, a list, a map or a repeated value)
     * @throws UnsupportedTypeException when the field is a primitive of a type the profile cannot hold
     */
    static ParquetColumn of(final Type field) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        String name = field.getName();
        String describe = primitive.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT)
                + (logical == null ? "" : " (" + logical + ")");
        switch (primitive.getPrimitiveTypeName()) {
            case INT32:
                if (logical == null || logical instanceof IntLogicalTypeAnnotation) {
                    boolean unsigned = logical != null && !((IntLogicalTypeAnnotation) logical).isSigned();
                    return new ParquetColumn(name, unsigned ? Kind.UINT32 : Kind.INT32, ColumnType.INTEGER, 0, 1, describe);
                }
                if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                    return new ParquetColumn(name, Kind.DECIMAL_INT32, ColumnType.DECIMAL, decimal.getScale(), 1, describe);
                }
                if (logical instanceof DateLogicalTypeAnnotation) {
                    return new ParquetColumn(name, Kind.DATE, ColumnType.DATETIME, 0, 1, describe);
                }
                break;
            case INT64:
                if (logical == null || logical instanceof IntLogicalTypeAnnotation) {
                    boolean unsigned = logical != null && !((IntLogicalTypeAnnotation) logical).isSigned();
                    return new ParquetColumn(name, unsigned ? Kind.UINT64 : Kind.INT64, ColumnType.INTEGER, 0, 1, describe);
                }
                if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                    return new ParquetColumn(name, Kind.DECIMAL_INT64, ColumnType.DECIMAL, decimal.getScale(), 1, describe);
                }
                if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
                    double perSecond = switch (timestamp.getUnit()) {
                        case MILLIS -> 1e3;
                        case MICROS -> 1e6;
                        case NANOS -> 1e9;
                    };
                    return new ParquetColumn(name, Kind.TIMESTAMP, ColumnType.DATETIME, 0, perSecond, describe);
                }
                break;
            case INT96:
                return new ParquetColumn(name, Kind.INT96, ColumnType.DATETIME, 0, 1, describe);
            case FLOAT:
                return new ParquetColumn(name, Kind.FLOAT, ColumnType.DECIMAL, 0, 1, describe);
            case DOUBLE:
                return new ParquetColumn(name, Kind.DOUBLE, ColumnType.DECIMAL, 0, 1, describe);
            case BOOLEAN:
                return new ParquetColumn(name, Kind.BOOLEAN, ColumnType.BOOLEAN, 0, 1, describe);
            case BINARY:
                if (logical == null || logical instanceof StringLogicalTypeAnnotation
                        || logical instanceof EnumLogicalTypeAnnotation || logical instanceof JsonLogicalTypeAnnotation) {
                    return new ParquetColumn(name, Kind.STRING, ColumnType.STRING, 0, 1, describe);
                }
                if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                    return new ParquetColumn(name, Kind.DECIMAL_BINARY, ColumnType.DECIMAL, decimal.getScale(), 1, describe);
                }
                break;
            case FIXED_LEN_BYTE_ARRAY:
                if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                    return new ParquetColumn(name, Kind.DECIMAL_BINARY, ColumnType.DECIMAL, decimal.getScale(), 1, describe);
                }
                break;
            default:
                break;
        }
        throw new UnsupportedTypeException(name, "the Parquet type " + describe + " is not supported (supported: "
                + "integers, float, double, decimal, boolean, string, enum, json, binary, date, timestamp, int96)");
    }

    /** A primitive column whose type the profile cannot hold. */
    static final class UnsupportedTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String column;

        UnsupportedTypeException(final String column, final String message) {
            super(message, null, false, false);
            this.column = column;
        }

        String column() {
            return column;
        }
    }
}
