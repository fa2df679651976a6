package dev.shopfront.notification.notification;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;

/**
 * Why sending an e-mail failed, in a short line that may be stored and shown: no stack
 * trace, no credentials, no host names; at most 500 characters.
 */
final class SendFailures {

	static final int MAX_LENGTH = 500;

	private SendFailures() {
	}

	/**
	 * Describes a failure.
	 * @param failure what was thrown
	 * @param secret a value that must not appear (the SMTP password), or null
	 * @return the description
	 */
	static String describe(Throwable failure, @Nullable String secret) {
		Throwable root = failure;
		boolean unreachable = false;
		boolean login = failure instanceof MailAuthenticationException;
		boolean refused = false;
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			root = t;
			unreachable |= t instanceof ConnectException || t instanceof NoRouteToHostException
					|| t instanceof SocketTimeoutException || t instanceof UnknownHostException
					|| t.getClass().getSimpleName().equals("MailConnectException");
			login |= t instanceof AuthenticationFailedException;
			refused |= t instanceof SendFailedException;
		}
		String description;
		if (login) {
			description = "mail server refused the login";
		}
		else if (unreachable) {
			description = "mail server unreachable (" + root.getClass().getSimpleName()
					+ ((root instanceof UnknownHostException) ? "" : ": " + root.getMessage()) + ")";
		}
		else if (refused) {
			description = "mail server refused the message: " + root.getMessage();
		}
		else {
			description = root.getClass().getSimpleName() + ": " + root.getMessage();
		}
		return clean(description, secret);
	}

	private static String clean(String description, @Nullable String secret) {
		String clean = description.replaceAll("[\\r\\n\\t]+", " ").strip();
		if (secret != null && !secret.isEmpty()) {
			clean = clean.replace(secret, "***");
		}
		return (clean.length() > MAX_LENGTH) ? clean.substring(0, MAX_LENGTH - 3) + "..." : clean;
	}

}
