package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A params file as the team keeps it (YAML, JSON or TOML), its parameters flattened to dotted keys
 * as {@code dvc params diff} shows them, and the overrides given on the command line.
 */
public final class ParamsFile {
    private final Path file;
    private final ParamsFormat format;
    private final byte[] original;
    private final ObjectNode tree;
    private final boolean overridden;
    private final List<String> overrides;

    private ParamsFile(final Path file, final ParamsFormat format, final byte[] original, final ObjectNode tree,
            final List<String> overrides) {
        this.file = file;
        this.format = format;
        this.original = original;
        this.tree = tree;
        this.overridden = !overrides.isEmpty();
        this.overrides = List.copyOf(overrides);
    }

    /**
     * Reads a params file; an empty file has no parameters.
     *
     * @param file the file
     * @return its parameters
     * @throws BadInputException naming the file, line and column of a syntax error, or a missing file
     */
    public static ParamsFile read(final Path file) {
        ParamsFormat format = ParamsFormat.of(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = format.mapper().readTree(content);
        }
        catch (JsonProcessingException e) {
            throw new BadInputException(syntaxError(file, e), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ParamsFile(file, format, content, format.mapper().createObjectNode(), List.of());
        }
        if (!root.isObject()) {
            throw new BadInputException(file + ": expected a mapping of parameter names to values at the top, found "
                    + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        return new ParamsFile(file, format, content, (ObjectNode) root, List.of());
    }

    private static String syntaxError(final Path file, final JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return file + ":" + (yaml.getProblemMark().getLine() + 1) + ":" + (yaml.getProblemMark().getColumn() + 1)
                    + ": " + yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
        String message = String.valueOf(e.getOriginalMessage());
        int newline = message.indexOf('\n');
        return file + where + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    /**
     * Returns the file these parameters came from.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the file's format.
     *
     * @return the format
     */
    public ParamsFormat format() {
        return format;
    }

    /**
     * Says whether overrides changed the parameters from what the file holds.
     *
     * @return whether {@link #withOverrides(List)} applied at least one override
     */
    public boolean overridden() {
        return overridden;
    }

    /**
     * Returns these parameters with overrides applied, in the order given.
     *
     * @param overrides the overrides
     * @return the overridden parameters (this file is unchanged)
     * @throws BadInputException naming the override whose key is missing (or present, for {@code +key})
     */
    public ParamsFile withOverrides(final List<ParamOverride> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        ObjectNode copy = tree.deepCopy();
        for (ParamOverride override : overrides) {
            apply(copy, override);
        }
        List<String> applied = new java.util.ArrayList<>(this.overrides);
        overrides.forEach(override -> applied.add(Trainer.describe(override)));
        return new ParamsFile(file, format, original, copy, applied);
    }

    private void apply(final ObjectNode root, final ParamOverride override) {
        String[] parts = override.key().split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null) {
                if (override.mode() == ParamOverride.Mode.CHANGE) {
                    throw missing(override);
                }
                child = parent.putObject(parts[i]);
            }
            if (!child.isObject()) {
                throw new BadInputException("--param " + override.key() + ": " + file + " has '"
                        + String.join(".", java.util.Arrays.copyOf(parts, i + 1)) + "' as a value, not a section");
            }
            parent = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        JsonNode existing = parent.get(leaf);
        if (existing == null && override.mode() == ParamOverride.Mode.CHANGE) {
            throw missing(override);
        }
        if (existing != null && override.mode() == ParamOverride.Mode.ADD) {
            throw new BadInputException("--param +" + override.key() + ": " + file + " already has this parameter"
                    + " (write " + override.key() + "=... to change it)");
        }
        if (existing != null && existing.isObject() && !override.value().isObject()) {
            throw new BadInputException("--param " + override.key() + ": " + file + " has '" + override.key()
                    + "' as a section; override its keys instead (" + override.key() + ".NAME=VALUE)");
        }
        parent.set(leaf, override.value());
    }

    private BadInputException missing(final ParamOverride override) {
        return new BadInputException("--param " + override.key() + ": " + file + " has no parameter '" + override.key()
                + "' (check the spelling, or write +" + override.key() + "=VALUE to add it)");
    }

    /**
     * Returns the parameters flattened to dotted keys in file order; lists stay values.
     *
     * @return the parameters (values are strings, numbers, booleans, {@code null} or lists)
     */
    public Map<String, Object> flat() {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return Collections.unmodifiableMap(flat);
    }

    private static void flatten(final String prefix, final JsonNode node, final Map<String, Object> flat) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                flatten(key + ".", field.getValue(), flat);
            }
            else {
                flat.put(key, plain(field.getValue()));
            }
        }
    }

    /**
     * Converts a value to plain Java the same way whatever the format read it: TOML gives decimals
     * where YAML gives doubles, so every fraction becomes a {@link Double} and every integer the
     * smallest of {@link Integer}, {@link Long} or {@link java.math.BigInteger} that holds it.
     */
    static Object plain(final JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return node.doubleValue();
        }
        if (node.isIntegralNumber()) {
            java.math.BigInteger value = node.bigIntegerValue();
            int bits = value.bitLength();
            return bits < 32 ? (Object) value.intValue() : bits < 64 ? (Object) value.longValue() : value;
        }
        if (node.isArray()) {
            List<Object> list = new java.util.ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return Collections.unmodifiableMap(map);
        }
        return ResultJson.mapper().convertValue(node, Object.class);
    }

    /**
     * Returns the SHA-256 of flat parameters in a canonical form: compact JSON with keys sorted,
     * so the same parameters hash the same whatever the file's format, order or comments.
     *
     * @param flat flat parameters
     * @return the lower-case hex SHA-256
     */
    public static String sha256(final Map<String, Object> flat) {
        try {
            byte[] canonical = ResultJson.mapper().writer()
                    .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(new TreeMap<>(flat));
            return FileDigest.sha256Hex(canonical);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters must serialise to JSON", e);
        }
    }

    /**
     * Writes the overridden parameters over {@code target} (this file, or its copy in a trial's
     * workspace) so that the command reads them, as {@code dvc exp run --set-param} does; closing
     * the returned handle puts the original bytes back. Until then the original bytes are also kept
     * in a backup beside the file (for the next training to put back if this process is killed
     * outright), and a SIGTERM to this JVM puts them back too. Without overrides nothing is written.
     *
     * @param target where the command will read the params file
     * @return a handle that restores the original content when closed
     */
    public Restoration writeOver(final Path target) {
        if (!overridden) {
            return () -> { };
        }
        byte[] before = rewrite(target);
        TerminationCleanup.Registration onTermination = TerminationCleanup.register(() -> putBack(target, before));
        return () -> {
            putBack(target, before);
            onTermination.close();
        };
    }

    /**
     * Writes the overridden parameters over {@code target} with a backup of its bytes beside it, for a
     * caller that runs the command itself and puts the file back with {@link #putBack}.
     *
     * @return the bytes the file held before
     */
    byte[] rewrite(final Path target) {
        try {
            byte[] before = Files.readAllBytes(target);
            byte[] rendered = format.mapper().writeValueAsBytes(tree);
            ParamsBackup.keep(target, before, rendered, overrides);
            AtomicFiles.write(target, rendered);
            return before;
        }
        catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the overridden parameters: " + e.getMessage(), e);
        }
    }

    /** Puts a params file's bytes back and removes their backup. */
    static void putBack(final Path target, final byte[] before) {
        AtomicFiles.write(target, before);
        ParamsBackup.discard(target);
    }

    /** Puts a params file's original content back. */
    @FunctionalInterface
    public interface Restoration extends AutoCloseable {
        @Override
        void close();
    }

    /** Returns a copy of the parameters' tree, for readers of other documents in the same formats. */
    ObjectNode tree() {
        return tree.deepCopy();
    }

    /**
     * Returns the file's bytes as read, before any override.
     *
     * @return a copy of the original content
     */
    public byte[] originalContent() {
        return original.clone();
    }
}
