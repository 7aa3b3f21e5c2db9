package io.jenkins.plugins.mldelivery.steps;

import hudson.console.LineTransformationOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A build log stream that replaces secrets (the MLflow token or password handed to a training
 * command) with {@code ****}, line by line, so that a command printing its environment leaks nothing.
 */
public final class SecretMaskingOutputStream extends LineTransformationOutputStream.Delegating {
    private static final String MASK = "****";

    private final List<String> secrets;
    private final Charset charset;

    /**
     * Creates a masking stream.
     *
     * @param out     the build log
     * @param secrets the values to mask
     * @param charset the log's charset
     */
    public SecretMaskingOutputStream(final OutputStream out, final Collection<String> secrets, final Charset charset) {
        super(out);
        // the longest first, so that a secret containing another one is masked whole
        this.secrets = secrets.stream().filter(secret -> !secret.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.charset = charset;
    }

    @Override
    protected void eol(final byte[] b, final int len) throws IOException {
        if (secrets.isEmpty()) {
            out.write(b, 0, len);
            return;
        }
        String line = new String(b, 0, len, charset);
        for (String secret : secrets) {
            line = line.replace(secret, MASK);
        }
        out.write(line.getBytes(charset));
    }
}
