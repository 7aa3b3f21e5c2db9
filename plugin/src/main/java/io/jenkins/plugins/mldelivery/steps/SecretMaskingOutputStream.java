package io.jenkins.plugins.mldelivery.steps;

import hudson.console.LineTransformationOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A build log stream that replaces secrets (the MLflow token or password handed to a training
 * command) with {@code ****}, line by line, so that a command printing its environment leaks nothing;
 * each masked line is also handed to a listener (the tail the training result quotes).
 */
public final class SecretMaskingOutputStream extends LineTransformationOutputStream.Delegating {
    private static final String MASK = "****";

    private final List<String> secrets;
    private final Charset charset;
    private final Consumer<String> lines;

    /**
     * Creates a masking stream.
     *
     * @param out     the build log
     * @param secrets the values to mask
     * @param charset the log's charset
     */
    public SecretMaskingOutputStream(final OutputStream out, final Collection<String> secrets, final Charset charset) {
        this(out, secrets, charset, line -> { });
    }

    /**
     * Creates a masking stream that also hands every masked line on.
     *
     * @param out     the build log
     * @param secrets the values to mask
     * @param charset the log's charset
     * @param lines   receives each line, masked, without its line break
     */
    public SecretMaskingOutputStream(final OutputStream out, final Collection<String> secrets, final Charset charset,
            final Consumer<String> lines) {
        super(out);
        this.lines = lines;
        // the longest first, so that a secret containing another one is masked whole
        this.secrets = secrets.stream().filter(secret -> !secret.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.charset = charset;
    }

    @Override
    protected void eol(final byte[] b, final int len) throws IOException {
        String line = new String(b, 0, len, charset);
        if (secrets.isEmpty()) {
            out.write(b, 0, len);
        }
        else {
            for (String secret : secrets) {
                line = line.replace(secret, MASK);
            }
            out.write(line.getBytes(charset));
        }
        lines.accept(line.stripTrailing());
    }
}
