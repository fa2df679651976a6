package dev.shopfront.user.account.web;

import org.jspecify.annotations.Nullable;

/**
 * Account versions as strong ETags, and back.
 */
final class ETags {

	private ETags() {
	}

	static String of(long version) {
		return "\"" + version + "\"";
	}

	static @Nullable Long version(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new InvalidETagException();
		}
	}

	/** An If-Match header that is not an ETag this service gave out. */
	static final class InvalidETagException extends RuntimeException {

		InvalidETagException() {
			super("If-Match must be an ETag from GET /api/users/me.");
		}

	}

}
