package io.jenkins.plugins.mldelivery.core.table;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses Parquet pages with the codec libraries parquet-java itself depends on (snappy-java,
 * zstd-jni, aircompressor, the JDK's GZIP), without Hadoop's codec classes, which need a Hadoop
 * configuration and its runtime. Reading only: profiles never write Parquet.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(final CompressionCodecName codec) {
        throw new UnsupportedOperationException("ml-delivery reads Parquet, it does not write it");
    }

    @Override
    public BytesInputDecompressor getDecompressor(final CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public void release() {
        // nothing pooled
    }

    /** Whether pages compressed with a codec can be read. */
    static boolean supports(final CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW -> true;
            default -> false;
        };
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(final CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(final BytesInput compressed, final int size) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return compressed;
            }
            byte[] in = compressed.toByteArray();
            byte[] out = new byte[size];
            int written = switch (codec) {
                case SNAPPY -> Snappy.uncompress(in, 0, in.length, out, 0);
                case ZSTD -> (int) Zstd.decompress(out, in);
                case LZ4_RAW -> new Lz4Decompressor().decompress(in, 0, in.length, out, 0, size);
                case GZIP -> gunzip(in, out);
                default -> throw new IOException("pages compressed with " + codec + " are not supported");
            };
            if (written != size) {
                throw new IOException("a page decompressed to " + written + " bytes, expected " + size);
            }
            return BytesInput.from(out);
        }

        private static int gunzip(final byte[] in, final byte[] out) throws IOException {
            try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
                return gzip.readNBytes(out, 0, out.length);
            }
        }

        @Override
        public void decompress(final ByteBuffer input, final int compressedSize, final ByteBuffer output,
                final int decompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), decompressedSize).toByteArray());
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
