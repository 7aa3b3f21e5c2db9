package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises access to one registry directory across threads and processes: an in-process lock
 * (a JVM may not hold two overlapping file locks) wrapped around an operating-system lock on
 * {@code registry.lock}. Writers hold it exclusively; readers take it exclusively too when they
 * can, so they can finish a write a crashed process left half done, and shared on a read-only
 * registry.
 */
final class RegistryLock implements AutoCloseable {
    static final String FILE_NAME = "registry.lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private RegistryLock(final ReentrantLock threadLock, final FileChannel channel, final FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Locks a registry for writing, creating its directory when needed.
     *
     * @param root the registry directory
     * @param uri  the registry's URI, for messages
     * @return the held lock
     * @throws BadInputException when the directory cannot be written
     */
    static RegistryLock forWriting(final Path root, final String uri) {
        ReentrantLock threadLock = threadLock(root);
        FileChannel channel = null;
        boolean locked = false;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            RegistryLock lock = new RegistryLock(threadLock, channel, channel.lock());
            locked = true;
            return lock;
        }
        catch (AccessDeniedException e) {
            throw new BadInputException("registry " + uri + ": cannot write to " + e.getFile() + " (permission denied)", e);
        }
        catch (FileSystemException e) {
            throw new BadInputException("registry " + uri + ": cannot write to " + e.getFile() + " (" + e.getReason() + ")", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("registry " + uri + ": " + e.getMessage(), e);
        }
        finally {
            if (!locked) {
                release(threadLock, channel);
            }
        }
    }

    /**
     * Locks a registry for reading without creating anything: exclusively when its lock file can
     * be written, shared when it is read-only, and not at all when the registry has no lock file
     * yet (an empty directory, or one no process has written; there is nothing to finish then).
     *
     * @param root the registry directory
     * @return the held lock; {@link #canWrite()} says which kind
     */
    static RegistryLock forReading(final Path root) {
        ReentrantLock threadLock = threadLock(root);
        Path file = root.resolve(FILE_NAME);
        FileChannel channel = null;
        boolean locked = false;
        try {
            RegistryLock lock;
            if (!Files.exists(file)) {
                lock = new RegistryLock(threadLock, null, null);
            }
            else {
                try {
                    channel = FileChannel.open(file, StandardOpenOption.WRITE);
                    lock = new RegistryLock(threadLock, channel, channel.lock());
                }
                catch (FileSystemException e) {
                    channel = FileChannel.open(file, StandardOpenOption.READ);
                    lock = new RegistryLock(threadLock, channel, channel.lock(0, Long.MAX_VALUE, true));
                }
            }
            locked = true;
            return lock;
        }
        catch (IOException e) {
            throw new UncheckedIOException(root + ": " + e.getMessage(), e);
        }
        finally {
            if (!locked) {
                release(threadLock, channel);
            }
        }
    }

    /**
     * Says whether this lock excludes every other reader and writer, so its holder may write.
     *
     * @return whether the lock is exclusive
     */
    boolean canWrite() {
        return fileLock != null && !fileLock.isShared();
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close(); // releases the file lock
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            threadLock.unlock();
        }
    }

    private static ReentrantLock threadLock(final Path root) {
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(root.toAbsolutePath().normalize(), key -> new ReentrantLock());
        lock.lock();
        return lock;
    }

    private static void release(final ReentrantLock threadLock, final FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        }
        catch (IOException ignored) {
            // the error that made us release matters more
        }
        finally {
            threadLock.unlock();
        }
    }
}
