package io.jenkins.plugins.mldelivery.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.profile.TableProfiler;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.RowFeeder;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import scala.Tuple2;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Computes ML Delivery's data profile of a Spark {@code Dataset<Row>}: each partition is profiled
 * by core's profilers (the same code that profiles a file on one machine, each partition seeded by
 * its index as a file's chunk is), the partial profiles travel to the driver as JSON and are merged
 * in partition order, so the same input with the same partitioning gives the same profile bit for
 * bit. Column types follow the Spark schema: byte, short, int and long are integer; float, double and
 * decimal are decimal; boolean is boolean; string is string; date and timestamp are date-time
 * (seconds since the epoch; a timestamp without zone is read as UTC). Other columns (structs,
 * arrays, maps, binary) are listed as not profiled.
 *
 * <p>From PySpark: {@code spark._jvm.io.jenkins.plugins.mldelivery.spark.SparkProfiler.profileJson(df._jdf)}.</p>
 */
public final class SparkProfiler {
    private SparkProfiler() {
        // static entry points only
    }

    /**
     * Profiles a dataset.
     *
     * @param data the rows
     * @return the profile (without a source file)
     */
    public static DatasetProfile profile(final Dataset<Row> data) {
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        List<Integer> fields = new ArrayList<>();
        List<String> notProfiled = new ArrayList<>();
        StructField[] schema = data.schema().fields();
        for (int i = 0; i < schema.length; i++) {
            ColumnType type = typeOf(schema[i].dataType());
            if (type == null) {
                notProfiled.add(schema[i].name() + " (" + schema[i].dataType().simpleString() + ")");
                continue;
            }
            names.add(schema[i].name());
            types.add(type);
            fields.add(i);
        }
        PartitionProfiler profiler = new PartitionProfiler(names, types, fields.stream().mapToInt(Integer::intValue).toArray());
        List<Tuple2<Integer, String>> partials = new ArrayList<>(data.javaRDD().mapPartitionsWithIndex(profiler, true).collect());
        partials.sort(Comparator.comparing(Tuple2::_1));
        TableProfiler merger = new TableProfiler(names, types);
        DatasetProfile merged = null;
        for (Tuple2<Integer, String> partial : partials) {
            merged = merger.merge(merged, read(partial._2()), 0);
        }
        if (merged == null) {
            merged = new RowFeeder<>(types, merger.newProcessor(0)).finish();
        }
        return merged.withNotProfiled(notProfiled);
    }

    /**
     * Profiles a dataset and returns the profile as JSON, for callers outside the JVM (PySpark).
     *
     * @param data the rows
     * @return the profile's JSON form, as {@code ml-delivery profile --out} writes it
     */
    public static String profileJson(final Dataset<Row> data) {
        try {
            return ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(profile(data));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the profile as JSON", e);
        }
    }

    static ColumnType typeOf(final DataType type) {
        if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType) {
            return ColumnType.INTEGER;
        }
        if (type instanceof FloatType || type instanceof DoubleType || type instanceof DecimalType) {
            return ColumnType.DECIMAL;
        }
        if (type instanceof BooleanType) {
            return ColumnType.BOOLEAN;
        }
        if (type instanceof StringType) {
            return ColumnType.STRING;
        }
        if (type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType) {
            return ColumnType.DATETIME;
        }
        return null;
    }

    private static DatasetProfile read(final String json) {
        try {
            return ResultJson.mapper().readValue(json, DatasetProfile.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a partition's profile", e);
        }
    }

    /** Profiles one partition on an executor and returns its profile as JSON with the partition's index. */
    private static final class PartitionProfiler
            implements Function2<Integer, Iterator<Row>, Iterator<Tuple2<Integer, String>>>, Serializable {
        private static final long serialVersionUID = 1L;
        private final List<String> names;
        private final List<ColumnType> types;
        private final int[] fields;

        PartitionProfiler(final List<String> names, final List<ColumnType> types, final int[] fields) {
            this.names = List.copyOf(names);
            this.types = List.copyOf(types);
            this.fields = fields.clone();
        }

        @Override
        public Iterator<Tuple2<Integer, String>> call(final Integer partition, final Iterator<Row> rows) throws Exception {
            RowFeeder<DatasetProfile> feeder = new RowFeeder<>(types, new TableProfiler(names, types).newProcessor(partition));
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int c = 0; c < fields.length; c++) {
                    int field = fields[c];
                    if (row.isNullAt(field)) {
                        continue;
                    }
                    Object value = row.get(field);
                    if (types.get(c).isNumeric()) {
                        feeder.number(c, number(value));
                    }
                    else {
                        feeder.text(c, value.toString());
                    }
                }
                feeder.endRow();
            }
            String json = ResultJson.mapper().writeValueAsString(feeder.finish());
            return List.of(new Tuple2<>(partition, json)).iterator();
        }

        private static double number(final Object value) {
            if (value instanceof Number number) {
                return value instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
            }
            if (value instanceof Timestamp timestamp) {
                return seconds(timestamp.toInstant());
            }
            if (value instanceof Instant instant) {
                return seconds(instant);
            }
            if (value instanceof LocalDateTime local) {
                return seconds(local.toInstant(ZoneOffset.UTC));
            }
            if (value instanceof java.sql.Date date) {
                return date.toLocalDate().toEpochDay() * 86_400.0;
            }
            if (value instanceof LocalDate date) {
                return date.toEpochDay() * 86_400.0;
            }
            throw new IllegalStateException("not a number: " + value.getClass().getName());
        }

        /** Whole seconds plus the fraction, as core's readers compute a date-time's seconds. */
        private static double seconds(final Instant instant) {
            return instant.getEpochSecond() + instant.getNano() / 1e9;
        }
    }
}
