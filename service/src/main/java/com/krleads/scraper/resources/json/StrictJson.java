package com.krleads.scraper.resources.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.krleads.scraper.resources.ControlCharacters;
import java.io.IOException;

/**
 * How the API reads JSON: an unknown field, a fraction where a whole number belongs and a
 * control character in any string are refused (as 422 by {@link UnreadableJsonMapper}) rather
 * than ignored, rounded or stored.
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** A string value holding a control character; the mapper names the field. */
    public static final class ControlCharacterException extends JsonMappingException {
        ControlCharacterException(JsonParser parser, int index) {
            super(parser, "contains a control character at position " + index);
        }
    }

    public static void configure(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("strict-strings").addDeserializer(String.class, new NoControls()));
    }

    private static final class NoControls extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            int index = ControlCharacters.firstIn(value);
            if (index >= 0) {
                throw new ControlCharacterException(parser, index);
            }
            return value;
        }
    }
}
