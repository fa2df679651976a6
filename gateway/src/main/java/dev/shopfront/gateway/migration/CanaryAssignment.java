package dev.shopfront.gateway.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;

import org.springframework.web.servlet.function.ServerRequest;

/**
 * Which side of a canary split a client is on: a bucket from 0 to 9999 that depends on
 * the route and the client only, the signed-in user (the token's subject) or, for an
 * anonymous client, its address. The same client keeps its side while the share stays,
 * and a client on the service's side at 5 % stays there at 25 %.
 */
final class CanaryAssignment {

	/** Buckets; a share of N % is the buckets below N × 100. */
	static final int BUCKETS = 10_000;

	private CanaryAssignment() {
	}

	static int bucket(String route, ServerRequest request) {
		Principal principal = request.principal().orElse(null);
		String client = (principal != null) ? "user:" + principal.getName()
				: "address:" + request.servletRequest().getRemoteAddr();
		return bucket(route, client);
	}

	static int bucket(String route, String client) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((route + "|" + client).getBytes(StandardCharsets.UTF_8));
			int value = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
					| (digest[3] & 0xff);
			return Integer.remainderUnsigned(value, BUCKETS);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
