package dev.shopfront.e2e;

import java.net.URI;
import java.util.List;
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
 * @param tracesApi the Zipkin API of the trace backend its services export to, when known
 * @param metricsApi the Prometheus that scrapes its services, when known
 */
record Deployment(URI baseUrl, Optional<RSAKey> signingKey, String description, Optional<Services> services,
		Optional<URI> mailApi, Optional<URI> tracesApi, Optional<URI> metricsApi) {

	Deployment(URI baseUrl, Optional<RSAKey> signingKey, String description) {
		this(baseUrl, signingKey, description, Optional.empty(), configured("e2e.mailApiUrl"),
				configured("e2e.tracesApiUrl"), configured("e2e.metricsApiUrl"));
	}

	/**
	 * A URL given as a system property: {@code -De2e.mailApiUrl} (the web API of the SMTP
	 * sink the deployment sends to), {@code -De2e.tracesApiUrl} (the Zipkin it traces
	 * to).
	 */
	static Optional<URI> configured(String property) {
		String url = System.getProperty(property, "").strip();
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

		/**
		 * {@code ./shop logs} with the given selector ({@code --trace ID},
		 * {@code --order ID}).
		 * @return what it printed, a line per log line
		 */
		List<String> logs(String... selector);

	}

}
