package dev.shopfront.notification.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Why sending an e-mail failed, in a short line that may be stored and shown: no stack
 * trace, no credentials, no host names; at most 500 characters.
 */
final class SendFailures {

	static final int MAX_LENGTH = 500;

	private SendFailures() {
	}

	/**
	 * Whether the failure is the mail server's, not the e-mail's: the server could not be
	 * reached (refused or timed-out connection, unknown host) or refused the login.
	 * Trying the same e-mail again helps once the server or its configuration is fixed,
	 * however long that takes.
	 * @param failure what was thrown
	 * @return whether it is an outage
	 */
	static boolean isOutage(Throwable failure) {
		Kind kind = kind(failure);
		return kind == Kind.UNREACHABLE || kind == Kind.LOGIN;
	}

	/**
	 * Describes a failure.
	 * @param failure what was thrown
	 * @param secret a value that must not appear (the SMTP password), or null
	 * @return the description
	 */
	static String describe(Throwable failure, @Nullable String secret) {
		Throwable root = root(failure);
		String description = switch (kind(failure)) {
			case LOGIN -> "mail server refused the login";
			case UNREACHABLE -> "mail server unreachable (" + root.getClass().getSimpleName()
					+ ((root instanceof UnknownHostException) ? "" : ": " + root.getMessage()) + ")";
			case REFUSED -> "mail server refused the message: " + root.getMessage();
			case OTHER -> root.getClass().getSimpleName() + ": " + root.getMessage();
		};
		return clean(description, secret);
	}

	private static Kind kind(Throwable failure) {
		boolean unreachable = false;
		boolean login = false;
		boolean refused = false;
		for (Throwable t : chain(failure)) {
			unreachable |= t instanceof ConnectException || t instanceof NoRouteToHostException
					|| t instanceof SocketTimeoutException || t instanceof UnknownHostException
					|| t.getClass().getSimpleName().equals("MailConnectException");
			login |= t instanceof MailAuthenticationException || t instanceof AuthenticationFailedException;
			refused |= t instanceof SendFailedException;
		}
		return login ? Kind.LOGIN : unreachable ? Kind.UNREACHABLE : refused ? Kind.REFUSED : Kind.OTHER;
	}

	private static Throwable root(Throwable failure) {
		List<Throwable> chain = chain(failure);
		return chain.get(chain.size() - 1);
	}

	/**
	 * The failure and its causes. Spring's {@link MailSendException} for a message the
	 * server refused has no cause but the message's own exception, which continues the
	 * chain.
	 */
	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable t = failure; t != null && !chain.contains(t);) {
			chain.add(t);
			Throwable next = t.getCause();
			if (next == null && t instanceof MailSendException send && send.getMessageExceptions().length > 0) {
				next = send.getMessageExceptions()[0];
			}
			t = next;
		}
		return chain;
	}

	private static String clean(String description, @Nullable String secret) {
		String clean = description.replaceAll("[\\r\\n\\t]+", " ").strip();
		if (secret != null && !secret.isEmpty()) {
			clean = clean.replace(secret, "***");
		}
		return (clean.length() > MAX_LENGTH) ? clean.substring(0, MAX_LENGTH - 3) + "..." : clean;
	}

	private enum Kind {

		UNREACHABLE, LOGIN, REFUSED, OTHER

	}

}
