package dev.shopfront.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures of a call to a service become the problems a client can act on.
 */
class UpstreamErrorsTests {

	@Test
	void refusedConnectionIsServiceUnavailable() {
		ProblemDetail problem = UpstreamErrors
			.problemFor(new ResourceAccessException("I/O error", new ConnectException("Connection refused")));

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).hasToString("https://shopfront.dev/problems/service-unavailable");
	}

	@Test
	void timeoutsAreGatewayTimeouts() {
		assertThat(UpstreamErrors
			.problemFor(new ResourceAccessException("I/O error", new HttpTimeoutException("request timed out")))
			.getStatus()).isEqualTo(504);
		assertThat(UpstreamErrors
			.problemFor(new UncheckedIOException(new HttpConnectTimeoutException("connect timed out")))
			.getStatus()).isEqualTo(504);
	}

	@Test
	void otherIoFailuresAreServiceUnavailable() {
		assertThat(UpstreamErrors.problemFor(new ResourceAccessException("I/O error", new IOException("reset")))
			.getStatus()).isEqualTo(503);
	}

	@Test
	void aQueryThatCannotBeEncodedForTheServiceIsTheClientsError() {
		assertThat(UpstreamErrors.problemFor(new UncheckedIOException(new java.nio.charset.MalformedInputException(1)))
			.getStatus()).isEqualTo(400);
	}

	@Test
	void errorsThatAreNotTheServicesAreLeftAlone() {
		assertThat(UpstreamErrors.problemFor(new IllegalStateException("bug"))).isNull();
	}

}
