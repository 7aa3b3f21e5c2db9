import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.profile.TableProfiler;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.table.DataTable;
import io.jenkins.plugins.mldelivery.core.table.DataTables;
import io.jenkins.plugins.mldelivery.core.table.RowFeeder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Compares two Parquet libraries on the same file, each feeding the same profilers: parquet-java
 * (what ml-delivery uses: column readers straight into the profile's batches) and DuckDB's JDBC
 * driver (its C++ reader, rows handed over through JDBC), plus DuckDB computing a native aggregate
 * without our profilers, as the floor of what its reader costs. Run by bench/parquet-readers.
 */
public final class ParquetReaders {
    public static void main(final String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        double megabytes = Long.parseLong(args[2]) / 1e6; // the CSV size of the same table
        double parquetMegabytes = Files.size(file) / 1e6;
        System.out.printf("| reader | wall (s) | CPU (s) | MB/s (CSV-equivalent) | rows |%n|---|---:|---:|---:|---:|%n");
        for (int run = 0; run < 2; run++) { // the first run warms the JIT and the page cache
            cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            DatasetProfile profile = DataProfiling.profile(file, CsvFormat.defaults(), Map.of(), threads);
            row(run, "parquet-java 1.16 column readers -> profile", start, megabytes, profile.rows());

            start = System.nanoTime();
            long rows = duckdbProfile(file, threads);
            row(run, "DuckDB JDBC 1.4.4 rows -> profile", start, megabytes, rows);

            start = System.nanoTime();
            rows = duckdbAggregate(file, threads);
            row(run, "DuckDB JDBC 1.4.4 native count/min/max/avg only (no profile)", start, megabytes, rows);
        }
        System.out.printf("%nParquet file: %.0f MB; threads %d%n", parquetMegabytes, threads);
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static long cpuStart = OS.getProcessCpuTime();

    private static void row(final int run, final String label, final long start, final double megabytes, final long rows) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e9; // all threads of the process, DuckDB's native ones too
        if (run > 0) {
            System.out.printf("| %s | %.2f | %.2f | %.0f | %,d |%n", label, seconds, cpu, megabytes / seconds, rows);
        }
        cpuStart = OS.getProcessCpuTime();
    }

    private static long duckdbProfile(final Path file, final int threads) throws Exception {
        DataTable table = DataTables.open(file, CsvFormat.defaults());
        List<String> names = table.columns();
        List<ColumnType> types = table.inferTypes();
        TableProfiler profiler = new TableProfiler(names, types);
        RowFeeder<DatasetProfile> feeder = new RowFeeder<>(types, profiler.newProcessor(0));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            try (ResultSet rows = statement.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
                int columns = names.size();
                while (rows.next()) {
                    for (int c = 0; c < columns; c++) {
                        ColumnType type = types.get(c);
                        if (type == ColumnType.DATETIME) {
                            Object value = rows.getObject(c + 1);
                            if (value != null) {
                                feeder.number(c, seconds(value));
                            }
                        }
                        else if (type.isNumeric()) {
                            double value = rows.getDouble(c + 1);
                            if (!rows.wasNull()) {
                                feeder.number(c, value);
                            }
                        }
                        else {
                            String value = rows.getString(c + 1);
                            if (value != null) {
                                feeder.text(c, value);
                            }
                        }
                    }
                    feeder.endRow();
                }
            }
        }
        return feeder.finish().rows();
    }

    private static double seconds(final Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toEpochSecond() + offset.getNano() / 1e9;
        }
        if (value instanceof LocalDateTime local) {
            return local.toEpochSecond(ZoneOffset.UTC) + local.getNano() / 1e9;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().getEpochSecond() + timestamp.toInstant().getNano() / 1e9;
        }
        if (value instanceof LocalDate date) {
            return date.toEpochDay() * 86_400.0;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toEpochDay() * 86_400.0;
        }
        throw new IllegalStateException("not a date-time: " + value.getClass());
    }

    private static long duckdbAggregate(final Path file, final int threads) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            StringBuilder query = new StringBuilder("SELECT count(*)");
            DataTable table = DataTables.open(file, CsvFormat.defaults());
            for (int c = 0; c < table.columns().size(); c++) {
                String column = '"' + table.columns().get(c) + '"';
                query.append(", count(").append(column).append("), min(").append(column).append("), max(").append(column).append(')');
                if (table.inferTypes().get(c) == ColumnType.INTEGER || table.inferTypes().get(c) == ColumnType.DECIMAL) {
                    query.append(", avg(").append(column).append(')');
                }
            }
            query.append(" FROM read_parquet('").append(file).append("')");
            try (ResultSet rows = statement.executeQuery(query.toString())) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
