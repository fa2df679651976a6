package dev.shopfront.chassis.web;

import java.io.IOException;

/**
 * A request body grew past the configured cap while it was being read.
 */
public class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("Request body larger than " + limit + " bytes");
	}

}
