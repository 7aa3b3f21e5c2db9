package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The params file's original bytes, kept on disk beside it ({@code .params.yaml.ml-delivery-backup})
 * for as long as the file holds a training's overrides. A training killed outright (SIGKILL, a lost
 * agent, a power cut) cannot put the file back itself; the next training that reads the file finds
 * the backup and puts the original back before anything else, and says so. It refuses to guess when
 * the file was edited since (the backup is then the user's to resolve) and when the training that
 * wrote the backup is still running.
 *
 * @param format         the backup format, 1
 * @param pid            the process that wrote the overrides
 * @param processStart   when that process started (a pid alone may be reused), or {@code null} if unknown
 * @param overrides      the overrides, as written on the command line
 * @param originalSha256 the SHA-256 of the original bytes
 * @param writtenSha256  the SHA-256 of the bytes written over the file
 * @param original       the original bytes, Base64
 */
record ParamsBackup(int format, long pid, Instant processStart, List<String> overrides, String originalSha256,
        String writtenSha256, String original) {
    private static final String SUFFIX = ".ml-delivery-backup";

    /**
     * Returns where the backup of a params file is kept.
     *
     * @param paramsFile the params file
     * @return the hidden file beside it
     */
    static Path of(final Path paramsFile) {
        return paramsFile.resolveSibling("." + paramsFile.getFileName() + SUFFIX);
    }

    /** Writes the backup before the overrides are written over the file. */
    static void keep(final Path paramsFile, final byte[] original, final byte[] written, final List<String> overrides) {
        ProcessHandle self = ProcessHandle.current();
        ParamsBackup backup = new ParamsBackup(1, self.pid(), self.info().startInstant().orElse(null), List.copyOf(overrides),
                FileDigest.sha256Hex(original), FileDigest.sha256Hex(written), Base64.getEncoder().encodeToString(original));
        try {
            byte[] json = ResultJson.mapper().writeValueAsBytes(backup);
            AtomicFiles.write(of(paramsFile), json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a params backup must serialise to JSON", e);
        }
    }

    /** Removes the backup once the original bytes are back in the file. */
    static void discard(final Path paramsFile) {
        try {
            Files.deleteIfExists(of(paramsFile));
        }
        catch (IOException e) {
            throw new UncheckedIOException(of(paramsFile) + ": cannot delete the params backup: " + e.getMessage(), e);
        }
    }

    /**
     * Puts back the original of a params file that a killed training left overridden.
     *
     * @param paramsFile the params file about to be read
     * @return what was done, for the training's output; empty when there was no backup
     * @throws BadInputException when the file was edited since, the backup is unreadable, or its training still runs
     */
    static Optional<String> recover(final Path paramsFile) {
        Path file = of(paramsFile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ParamsBackup backup;
        byte[] original;
        try {
            backup = ResultJson.mapper().readValue(Files.readAllBytes(file), ParamsBackup.class);
            original = Base64.getDecoder().decode(backup.original());
        }
        catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(file + ": unreadable backup of " + paramsFile.getFileName()
                    + " left by an interrupted training; check " + paramsFile.getFileName() + " by hand and delete " + file.getFileName());
        }
        String who = "a training that was killed (pid " + backup.pid() + ", overrides " + String.join(" ", backup.overrides()) + ")";
        if (backup.stillRunning()) {
            throw new BadInputException(paramsFile + " holds the overrides of a training that is still running (pid " + backup.pid()
                    + ", " + String.join(" ", backup.overrides()) + "); wait for it to end or stop it: it puts the file back");
        }
        String current = currentSha256(paramsFile);
        if (backup.originalSha256().equals(current)) {
            discard(paramsFile);
            return Optional.of("removed " + file.getFileName() + " left by " + who + "; " + paramsFile.getFileName()
                    + " already held its original content");
        }
        if (!backup.writtenSha256().equals(current) && current != null) {
            throw new BadInputException(paramsFile + " changed since " + who + " overrode it, and " + file
                    + " holds its content from before that training; keep the content you want in " + paramsFile.getFileName()
                    + " and delete " + file.getFileName());
        }
        AtomicFiles.write(paramsFile, original);
        discard(paramsFile);
        return Optional.of("restored " + paramsFile.getFileName() + " from " + file.getFileName() + ": " + who
                + " had left its overrides in it");
    }

    /**
     * Puts back every params file of a working directory that a killed training left overridden, whether
     * or not this training names it: a run without {@code --params} still runs a command that reads it.
     *
     * @param workDir the working directory
     * @return what was done, one line per file
     */
    static List<String> recoverAll(final Path workDir) {
        List<Path> backups;
        try (java.util.stream.Stream<Path> files = Files.list(workDir)) {
            backups = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(".") && name.endsWith(SUFFIX) && name.length() > SUFFIX.length() + 1 && Files.isRegularFile(file);
            }).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(workDir + ": " + e.getMessage(), e);
        }
        List<String> done = new java.util.ArrayList<>();
        for (Path backup : backups) {
            String name = backup.getFileName().toString();
            recover(backup.resolveSibling(name.substring(1, name.length() - SUFFIX.length()))).ifPresent(done::add);
        }
        return done;
    }

    private boolean stillRunning() {
        if (pid == ProcessHandle.current().pid()) {
            return false; // this process wrote it and is not overriding the file now (it would be reading it otherwise)
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(handle -> processStart == null || processStart.equals(handle.info().startInstant().orElse(null)))
                .orElse(false);
    }

    private static String currentSha256(final Path paramsFile) {
        try {
            return FileDigest.sha256Hex(Files.readAllBytes(paramsFile));
        }
        catch (NoSuchFileException e) {
            return null;
        }
        catch (IOException e) {
            throw new UncheckedIOException(paramsFile + ": " + e.getMessage(), e);
        }
    }
}
