package io.jenkins.plugins.mldelivery.core.table;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly: malformed or truncated sequences are reported, never replaced. Pure ASCII,
 * the common case, is decoded without the charset machinery. Not thread-safe: one per thread.
 */
public final class Utf8 {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Thrown when bytes are not valid UTF-8. */
    public static final class InvalidUtf8Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidUtf8Exception(final String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Decodes bytes.
     *
     * @param buf  the bytes
     * @param from the first byte
     * @param to   one past the last byte
     * @return the text
     * @throws InvalidUtf8Exception if the bytes are not valid UTF-8
     */
    public String decode(final byte[] buf, final int from, final int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(buf, from, to - from));
            return chars.toString();
        }
        catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception("invalid UTF-8");
        }
    }

    /**
     * Returns whether bytes are valid UTF-8.
     *
     * @param buf  the bytes
     * @param from the first byte
     * @param to   one past the last byte
     * @return {@code true} if they decode
     */
    public boolean isValid(final byte[] buf, final int from, final int to) {
        try {
            decode(buf, from, to);
            return true;
        }
        catch (InvalidUtf8Exception e) {
            return false;
        }
    }
}
