package io.jenkins.plugins.mldelivery.spark;

import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code spark-submit} job: profiles any data Spark reads and writes the profile where
 * {@code ml-delivery validate --reference} and {@code --current-profile} read it.
 *
 * <pre>
 * spark-submit --class io.jenkins.plugins.mldelivery.spark.ProfileJob ml-delivery-spark-job.jar \
 *     --data s3a://bucket/features/ [--format parquet|csv|json|orc|table] --out profile.json
 * </pre>
 *
 * <p>{@code --format} defaults to Parquet; CSV is read with a header and Spark's type inference,
 * JSON as JSON Lines; {@code table} reads a table of the session's catalog by name. The profile is
 * written on the driver's file system. Exit code 2 with one line for bad usage.</p>
 */
public final class ProfileJob {
    private ProfileJob() {
        // entry point only
    }

    /**
     * Runs the job.
     *
     * @param args {@code --data PATH|TABLE [--format FORMAT] --out PROFILE.json}
     */
    public static void main(final String[] args) {
        String[] options;
        try {
            options = parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println("ml-delivery-spark: " + e.getMessage());
            System.err.println("usage: ProfileJob --data PATH|TABLE [--format parquet|csv|json|orc|table] --out PROFILE.json");
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("ml-delivery profile").getOrCreate();
        try {
            DatasetProfile profile = run(spark, options[0], options[1], Path.of(options[2]));
            System.out.println("profile: " + profile.rows() + " rows, " + profile.columns().size() + " columns -> " + options[2]);
        }
        finally {
            spark.stop();
        }
    }

    /**
     * Profiles data and writes the profile.
     *
     * @param spark  the session
     * @param data   the path (or table name)
     * @param format parquet, csv, json, orc or table
     * @param out    where to write the profile
     * @return the profile
     */
    public static DatasetProfile run(final SparkSession spark, final String data, final String format, final Path out) {
        Dataset<Row> rows;
        if ("table".equals(format)) {
            rows = spark.table(data);
        }
        else {
            DataFrameReader reader = spark.read().format(format);
            if ("csv".equals(format)) {
                reader = reader.option("header", "true").option("inferSchema", "true");
            }
            rows = reader.load(data);
        }
        DatasetProfile profile = SparkProfiler.profile(rows);
        profile.write(out);
        return profile;
    }

    static String[] parse(final String[] args) {
        String data = null;
        String format = "parquet";
        String out = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--data" -> data = value;
                case "--out" -> out = value;
                case "--format" -> format = value.toLowerCase(Locale.ROOT);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (data == null || out == null) {
            throw new IllegalArgumentException("--data and --out are required");
        }
        if (!java.util.Set.of("parquet", "csv", "json", "orc", "table").contains(format)) {
            throw new IllegalArgumentException("--format must be parquet, csv, json, orc or table, found " + format);
        }
        return new String[] {data, format, out};
    }
}
