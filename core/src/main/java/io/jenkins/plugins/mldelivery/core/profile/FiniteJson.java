package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;

/**
 * Keeps JSON standard: a statistic that is not a finite number (the mean of no values, the variance
 * of one) is written as {@code null}, never as the strings {@code "NaN"} or {@code "Infinity"} that
 * other JSON readers reject or take for text, and {@code null} is read back as NaN.
 */
final class FiniteJson {
    private FiniteJson() {
        // holder of the two converters
    }

    /** Writes a finite double as a number, any other as {@code null}. */
    static final class Writer extends JsonSerializer<Double> {
        @Override
        public void serialize(final Double value, final JsonGenerator out, final SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.writeNull();
            }
            else {
                out.writeNumber(value);
            }
        }
    }

    /** Reads a number as a double and {@code null} as NaN. */
    static final class Reader extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(final JsonParser in, final DeserializationContext context) throws IOException {
            return in.getValueAsDouble(Double.NaN);
        }

        @Override
        public Double getNullValue(final DeserializationContext context) {
            return Double.NaN;
        }
    }
}
