package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.table.DataTable;
import io.jenkins.plugins.mldelivery.core.table.DataTables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Profiles a table (CSV, Parquet or JSON Lines, told apart by content; see {@link DataTables}): opens it, settles each column's type (declared, else inferred from the
 * first chunk), profiles it in one pass and records the file's identity, whose SHA-256 is computed
 * on its own thread while the profile is built.
 */
public final class DataProfiling {
    private DataProfiling() {
        // static entry points only
    }

    /**
     * Profiles a table.
     *
     * @param file     the file, or a directory of Parquet files
     * @param format   how it is written if it is CSV
     * @param declared column types that override inference, by column name (others are inferred)
     * @param threads  how many threads read the file
     * @return the profile, with the file's identity as its source
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException naming the file, row and column of the first problem
     */
    public static DatasetProfile profile(final Path file, final CsvFormat format, final Map<String, ColumnType> declared,
            final int threads) {
        DataTable table = DataTables.open(file, format);
        List<ColumnType> types = typesOf(table, declared);
        CompletableFuture<InputIdentity> identity = identityOf(file);
        DatasetProfile profile = TableProfiler.profile(table, types, threads);
        return profile.withSource(join(identity)).withNotProfiled(table.notProfiled());
    }

    /**
     * Returns the type of each column: the declared one, else the inferred one.
     *
     * @param table    the table
     * @param declared declared types by column name
     * @return the types in column order
     */
    public static List<ColumnType> typesOf(final DataTable table, final Map<String, ColumnType> declared) {
        List<String> columns = table.columns();
        boolean allDeclared = columns.stream().allMatch(declared::containsKey);
        List<ColumnType> inferred = allDeclared ? null : table.inferTypes();
        List<ColumnType> types = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnType type = declared.get(columns.get(i));
            types.add(type != null ? type : inferred.get(i));
        }
        return types;
    }

    /**
     * Starts computing a file's identity (size and SHA-256) on a thread of its own.
     *
     * @param file the file
     * @return the identity, when done
     */
    public static CompletableFuture<InputIdentity> identityOf(final Path file) {
        CompletableFuture<InputIdentity> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(Files.isDirectory(file) ? directoryIdentity(file) : InputIdentity.of(file));
            }
            catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "ml-delivery-sha256");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /**
     * The identity of a directory of data files: their total size, and the SHA-256 of a listing that
     * names each regular file (relative path, in sorted order) with its size and SHA-256, so that any
     * change to any file, a rename, an added or a removed file changes it.
     *
     * @param directory the directory
     * @return its identity
     */
    static InputIdentity directoryIdentity(final Path directory) {
        StringBuilder listing = new StringBuilder();
        long bytes = 0;
        try (var walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                FileDigest digest = FileDigest.of(file);
                bytes += digest.bytes();
                listing.append(directory.relativize(file).toString().replace('\\', '/')).append('\t')
                        .append(digest.bytes()).append('\t').append(digest.sha256()).append('\n');
            }
        }
        catch (IOException e) {
            throw new BadInputException(directory + ": cannot list the directory: " + e.getMessage(), e);
        }
        return new InputIdentity(directory.toString(), bytes,
                FileDigest.sha256Hex(listing.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Waits for an identity, rethrowing what computing it threw.
     *
     * @param identity the identity being computed
     * @return the identity
     */
    public static InputIdentity join(final CompletableFuture<InputIdentity> identity) {
        try {
            return identity.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
