package dev.shopfront.e2e;

import java.net.URI;
import java.util.Optional;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The system under test: the base URL of its gateway and, when known, the key its token
 * issuer signs with (needed only to mint an expired but otherwise valid token).
 *
 * @param baseUrl the gateway, e.g. {@code http://localhost:8080}
 * @param signingKey the issuer's private key with its key id, when known
 * @param description what this deployment is, for reports
 * @param services control over the services, for a system this suite started
 * @param mailApi the web API (GreenMail or Mailpit) of the mail sink the deployment sends
 * e-mail to, when known
 */
record Deployment(URI baseUrl, Optional<RSAKey> signingKey, String description, Optional<Services> services,
		Optional<URI> mailApi) {

	Deployment(URI baseUrl, Optional<RSAKey> signingKey, String description) {
		this(baseUrl, signingKey, description, Optional.empty(), configuredMailApi());
	}

	/** {@code -De2e.mailApiUrl}: the web API of the SMTP sink the deployment sends to. */
	static Optional<URI> configuredMailApi() {
		String url = System.getProperty("e2e.mailApiUrl", "").strip();
		return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url.replaceAll("/+$", "")));
	}

	/**
	 * Stops and starts the services of a system the suite runs itself (failure
	 * scenarios); absent for another deployment, where those scenarios are skipped.
	 */
	interface Services {

		void stop(String service);

		/** Starts the service and waits until it is ready. */
		void start(String service);

	}

}
