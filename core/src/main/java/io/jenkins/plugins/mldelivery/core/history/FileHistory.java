package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A history kept in a directory, one small JSON file per build named by its number
 * ({@code 12.json}). Iterating lists the file names (cheap) and reads each record only when the
 * iterator reaches it, newest first, so a trend capped at 50 builds reads 50 files however long the
 * history is. Each record is written atomically; one writer at a time (one job's builds, one after another) is assumed.
 */
public final class FileHistory implements Iterable<BuildRecord> {
    private static final Pattern RECORD_FILE = Pattern.compile("(\\d{1,9})\\.json");

    private final Path directory;
    private final Consumer<String> warnings;

    private FileHistory(final Path directory, final Consumer<String> warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    /**
     * Opens a history directory; a directory that does not exist yet is an empty history.
     *
     * @param directory the directory
     * @return the history
     * @throws BadInputException if the path exists but is not a directory
     */
    public static FileHistory open(final Path directory) {
        return open(directory, warning -> { });
    }

    /**
     * Opens a history directory, telling {@code warnings} about each record that cannot be read: such a
     * record is skipped (a trend without that build), never a reason to refuse every later report.
     *
     * @param directory the directory
     * @param warnings  told one line per skipped record, naming its file and what is wrong
     * @return the history
     * @throws BadInputException if the path exists but is not a directory
     */
    public static FileHistory open(final Path directory, final Consumer<String> warnings) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new BadInputException(directory + ": is a file, expected a history directory");
        }
        return new FileHistory(directory, Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Returns the directory.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the build numbers the history holds, from the file names alone.
     *
     * @return the build numbers, newest (largest) first
     */
    public List<Integer> builds() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> RECORD_FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> Integer.valueOf(matcher.group(1)))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Iterates the records newest first, reading each file only when it is reached.
     *
     * @return the iterator
     * (a record file that cannot be read is skipped, with a warning to the history's listener)
     */
    @Override
    public Iterator<BuildRecord> iterator() {
        return newestFirst(builds(), null);
    }

    /**
     * Returns the records as they will be once {@code record} is written: the history with that
     * record added, or in place of the one with the same build number; nothing is written.
     *
     * @param record the record to include
     * @return the records, newest first, read lazily
     */
    public Iterable<BuildRecord> including(final BuildRecord record) {
        return () -> {
            java.util.SortedSet<Integer> builds = new java.util.TreeSet<>(Comparator.reverseOrder());
            builds.addAll(builds());
            builds.add(record.build());
            return newestFirst(List.copyOf(builds), record);
        };
    }

    private Iterator<BuildRecord> newestFirst(final List<Integer> numbers, final BuildRecord substitute) {
        Iterator<Integer> builds = numbers.iterator();
        return new Iterator<>() {
            private BuildRecord ahead;

            @Override
            public boolean hasNext() {
                while (ahead == null && builds.hasNext()) {
                    int build = builds.next();
                    ahead = substitute != null && substitute.build() == build ? substitute : read(build).orElse(null);
                }
                return ahead != null;
            }

            @Override
            public BuildRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BuildRecord next = ahead;
                ahead = null;
                return next;
            }
        };
    }

    /**
     * Returns the newest record.
     *
     * @return the record of the largest build number, if any
     */
    public Optional<BuildRecord> newest() {
        Iterator<BuildRecord> records = iterator();
        return records.hasNext() ? Optional.of(records.next()) : Optional.empty();
    }

    /**
     * Makes the record of a run, numbered for this history, without writing it. With a build number,
     * the record gets that number (and will replace an earlier record of the same build). Without one, a
     * run that is already the newest record (same results) keeps its number, so reporting a run twice
     * does not add a second point; any other run gets the next number.
     *
     * @param run   the run's results
     * @param build the build number (e.g. the CI's build number), or empty to number it here
     * @return the record
     */
    public BuildRecord recordOf(final RunResults run, final OptionalInt build) {
        int number;
        if (build.isPresent()) {
            number = build.getAsInt();
        }
        else {
            Optional<BuildRecord> newest = newest();
            boolean sameRun = newest.isPresent() && run.digest().equals(newest.get().runDigest());
            number = newest.map(record -> sameRun ? record.build() : record.build() + 1).orElse(1);
        }
        return BuildRecord.of(run, number, "#" + number);
    }

    /**
     * Writes a record atomically (readers see the old file or the new one, never a part), replacing a
     * record of the same build number.
     *
     * @param record the record
     */
    public void write(final BuildRecord record) {
        AtomicFiles.write(fileOf(record.build()), ResultJson.toJson(record).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a record; one that cannot be read is skipped with a warning naming its file. */
    private Optional<BuildRecord> read(final int build) {
        try {
            return Optional.of(ResultJson.read(fileOf(build), BuildRecord.class));
        }
        catch (BadInputException | java.io.UncheckedIOException e) {
            warnings.accept(e.getMessage() + " (history record skipped; delete or fix the file)");
            return Optional.empty();
        }
    }

    private Path fileOf(final int build) {
        return directory.resolve(build + ".json");
    }
}
