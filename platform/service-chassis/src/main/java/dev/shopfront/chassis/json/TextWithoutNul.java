package dev.shopfront.chassis.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads JSON text as Jackson does, but refuses the character U+0000: no PostgreSQL text
 * column can store it, so it would fail deep in a transaction instead of as the bad input
 * it is.
 */
class TextWithoutNul extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String text = super.deserialize(parser, context);
		if (text != null && text.indexOf('\0') >= 0) {
			throw InvalidFormatException.from(parser, StrictJsonAutoConfiguration.NUL_REFUSED, text, String.class);
		}
		return text;
	}

}
