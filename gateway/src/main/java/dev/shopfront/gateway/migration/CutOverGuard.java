package dev.shopfront.gateway.migration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a route's reconciliation report, with the ADMIN's own token, whether the legacy
 * database and the service's hold the same rows, before the route's writes are cut over.
 * Anything but a report of zero difference refuses the cut-over: a difference, a report
 * that cannot be had, an answer that is not a report.
 */
class CutOverGuard {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json;

	CutOverGuard(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Checks that the difference is zero rows.
	 * @param route the route
	 * @param report the reconciliation report's address
	 * @param authorization the caller's Authorization header
	 * @throws CutOverRefused otherwise
	 */
	void check(String route, URI report, @Nullable String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(report)
			.timeout(TIMEOUT)
			.GET()
			.header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new CutOverRefused("The reconciliation of " + route + " cannot be reached (" + report
					+ "): the writes stay where they are.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CutOverRefused("Interrupted while asking the reconciliation of " + route + ".");
		}
		if (response.statusCode() != 200) {
			throw new CutOverRefused("The reconciliation of " + route + " answered " + response.statusCode()
					+ " instead of a report: the writes stay where they are.");
		}
		JsonNode difference;
		try {
			difference = this.json.readTree(response.body()).path("difference");
		}
		catch (JacksonException ex) {
			throw new CutOverRefused("The reconciliation of " + route + " answered no report.");
		}
		if (!difference.isIntegralNumber()) {
			throw new CutOverRefused("The reconciliation of " + route + " answered no difference.");
		}
		if (difference.asLong() != 0) {
			throw new CutOverRefused("The reconciliation of " + route + " reports " + difference.asLong()
					+ " rows that differ between the legacy database and the service's; writes are cut over only at"
					+ " zero.");
		}
	}

	/** The cut-over was refused: the detail says why. */
	static class CutOverRefused extends RuntimeException {

		CutOverRefused(String message) {
			super(message);
		}

	}

}
