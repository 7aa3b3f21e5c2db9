import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.spark.ProfileJob;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/** Runs the Spark job on local[N] and prints one table row: wall and process CPU time. Run by bench/spark-profile. */
public final class SparkProfile {
    public static void main(final String[] args) throws Exception {
        String master = args[0];
        Path data = Path.of(args[1]);
        double megabytes = Long.parseLong(args[2]) / 1e6;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        SparkSession spark = SparkSession.builder().master(master).appName("bench").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            DatasetProfile profile = ProfileJob.run(spark, data.toString(), "parquet", Path.of(args[3]));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("| Spark job, %s | %.1f | %.1f | %.0f | %,d |%n", master, seconds,
                    (os.getProcessCpuTime() - cpu) / 1e9, megabytes / seconds, profile.rows());
        }
        finally {
            spark.stop();
        }
    }
}
