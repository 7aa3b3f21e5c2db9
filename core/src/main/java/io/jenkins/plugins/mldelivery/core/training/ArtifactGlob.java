package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.FileDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An Ant-style file pattern relative to the working directory, as Jenkins' {@code archiveArtifacts}
 * takes them: {@code *} and {@code ?} within one directory level, {@code **} across any number of
 * levels (including none), a trailing {@code /} meaning everything below. A plain path names a
 * file, or every file below a directory.
 */
public final class ArtifactGlob {
    private final String pattern;
    private final Pattern regex;
    private final String base;

    private ArtifactGlob(final String pattern) {
        this.pattern = pattern;
        String normalised = pattern.replace('\\', '/');
        while (normalised.startsWith("./")) {
            normalised = normalised.substring(2);
        }
        if (normalised.endsWith("/")) {
            normalised += "**";
        }
        boolean wildcard = normalised.indexOf('*') >= 0 || normalised.indexOf('?') >= 0;
        if (!wildcard) {
            normalised += "/**"; // a directory stands for everything in it; a file still matches itself
        }
        this.regex = Pattern.compile(toRegex(normalised));
        this.base = base(normalised);
    }

    /**
     * Parses a pattern.
     *
     * @param pattern e.g. {@code model/**}, {@code **}{@code /*.joblib}, {@code model/model.joblib}
     * @return the glob
     */
    public static ArtifactGlob of(final String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isBlank() || pattern.startsWith("/") || pattern.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new io.jenkins.plugins.mldelivery.core.io.BadInputException("--model '" + pattern
                    + "': expected a pattern relative to the working directory, such as model/**");
        }
        return new ArtifactGlob(pattern);
    }

    /**
     * Returns the pattern as given.
     *
     * @return the pattern
     */
    public String pattern() {
        return pattern;
    }

    /**
     * Says whether a relative path matches.
     *
     * @param relativePath a path relative to the working directory, with {@code /} separators
     * @return whether it matches
     */
    public boolean matches(final String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    /**
     * Finds the regular files under a directory that match, with their sizes and SHA-256, in
     * path order. Version-control directories, the excluded directories and the hidden directories an
     * artifacts stage works in ({@link ArtifactStage#isStageDirectory}) are not searched.
     *
     * @param root     the working directory
     * @param excluded directories never to search (e.g. the artifacts directory inside the workspace)
     * @return the matching files
     */
    public List<Artifact> find(final Path root, final Set<Path> excluded) {
        Path start = base.isEmpty() ? root : root.resolve(base);
        Set<String> matched = new TreeSet<>();
        if (Files.isRegularFile(start) && matches(base)) {
            matched.add(base);
        }
        else if (Files.isDirectory(start)) {
            walk(root, start, excluded, matched);
        }
        List<Artifact> files = new ArrayList<>();
        for (String path : matched) {
            FileDigest digest = FileDigest.of(root.resolve(path));
            files.add(new Artifact(path, digest.bytes(), digest.sha256()));
        }
        return files;
    }

    private void walk(final Path root, final Path start, final Set<Path> excluded, final Set<String> matched) {
        Set<Path> skip = new java.util.HashSet<>();
        excluded.forEach(dir -> skip.add(dir.toAbsolutePath().normalize()));
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attributes) {
                    String name = String.valueOf(dir.getFileName());
                    boolean versionControl = name.equals(".git") || name.equals(".svn") || name.equals(".hg");
                    return versionControl || ArtifactStage.isStageDirectory(name) || skip.contains(dir.toAbsolutePath().normalize())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile() && matches(relative)) {
                        matched.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(final Path file, final IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable corner of the workspace is not the model
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(start + ": " + e.getMessage(), e);
        }
    }

    /** The leading directories without wildcards: where the search starts. */
    private static String base(final String pattern) {
        String[] segments = pattern.split("/");
        List<String> literal = new ArrayList<>();
        for (String segment : segments) {
            if (segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) {
                break;
            }
            literal.add(segment);
        }
        return String.join("/", literal);
    }

    private static String toRegex(final String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:[^/]*/)*");
                i += 3;
            }
            else if (pattern.startsWith("/**", i) && i + 3 == pattern.length()) {
                regex.append("(?:/.*)?");
                i += 3;
            }
            else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            }
            else if (c == '*') {
                regex.append("[^/]*");
                i++;
            }
            else if (c == '?') {
                regex.append("[^/]");
                i++;
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
