package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The partition columns of a hive-style partitioned dataset ({@code date=2026-12-05/region=eu/part-0.parquet}):
 * their names from the directory names, their values per file (URL-decoded, as Hive and Spark write
 * them; {@code __HIVE_DEFAULT_PARTITION__} is missing) and each column's type inferred from all its
 * values: integer, else decimal, else date-time, else string.
 */
final class HivePartitions {
    private static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private final List<String> names;
    private final List<String[]> values;
    private final List<ColumnType> types;

    private HivePartitions(final List<String> names, final List<String[]> values, final List<ColumnType> types) {
        this.names = names;
        this.values = values;
        this.types = types;
    }

    /**
     * Reads the partitions of files under a root directory.
     *
     * @param root  the dataset's directory (or the file itself for a single file)
     * @param files the files, in dataset order
     * @return the partitions (none for a single file or an unpartitioned directory)
     * @throws BadInputException naming a file whose partition directories differ from the first file's
     */
    static HivePartitions of(final Path root, final List<Path> files) {
        List<String> names = null;
        List<String[]> values = new ArrayList<>();
        for (Path file : files) {
            List<String> fileNames = new ArrayList<>();
            List<String> fileValues = new ArrayList<>();
            Path relative = root.relativize(file);
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                String part = relative.getName(i).toString();
                int equals = part.indexOf('=');
                if (equals > 0) {
                    fileNames.add(decode(part.substring(0, equals)));
                    String value = decode(part.substring(equals + 1));
                    fileValues.add(DEFAULT_PARTITION.equals(value) ? null : value);
                }
            }
            if (names == null) {
                names = fileNames;
            }
            else if (!names.equals(fileNames)) {
                throw new BadInputException(file + ": its partition directories " + fileNames + " differ from "
                        + files.get(0) + "'s " + names + "; the files of a dataset must be partitioned alike");
            }
            values.add(fileValues.toArray(String[]::new));
        }
        names = names == null ? List.of() : names;
        List<ColumnType> types = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            types.add(typeOf(values, c));
        }
        return new HivePartitions(List.copyOf(names), values, List.copyOf(types));
    }

    private static String decode(final String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ColumnType typeOf(final List<String[]> values, final int column) {
        boolean integers = true;
        boolean numbers = true;
        boolean dates = true;
        NumberParser numberParser = new NumberParser();
        DateTimeParser dateParser = new DateTimeParser();
        for (String[] file : values) {
            String value = file[column];
            if (value == null) {
                continue;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            double number = numberParser.parse(bytes, 0, bytes.length);
            boolean isNumber = numberParser.valid() && !Double.isNaN(number);
            numbers &= isNumber;
            integers &= isNumber && number == Math.rint(number) && value.indexOf('.') < 0 && value.indexOf('e') < 0
                    && value.indexOf('E') < 0;
            dateParser.parse(bytes, 0, bytes.length);
            dates &= dateParser.valid();
        }
        if (integers) {
            return ColumnType.INTEGER;
        }
        if (numbers) {
            return ColumnType.DECIMAL;
        }
        return dates ? ColumnType.DATETIME : ColumnType.STRING;
    }

    List<String> names() {
        return names;
    }

    List<ColumnType> types() {
        return types;
    }

    /** Returns a file's value of a partition column, or {@code null} when missing. */
    String value(final int file, final int column) {
        return values.get(file)[column];
    }
}
