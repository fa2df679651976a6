package dev.shopfront.gateway.routing;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;

import dev.shopfront.chassis.web.PayloadTooLargeException;
import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.chassis.web.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers a 503 problem with {@code Retry-After} when a service cannot be reached and a
 * 504 problem when it does not answer in time, instead of a 500.
 */
class UpstreamErrors implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger log = LoggerFactory.getLogger(UpstreamErrors.class);

	private final String service;

	private final ProblemWriter problems;

	private final String retryAfter;

	UpstreamErrors(String service, ProblemWriter problems, Duration retryAfter) {
		this.service = service;
		this.problems = problems;
		this.retryAfter = Problems.retryAfterSeconds(retryAfter);
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		try {
			return next.handle(request);
		}
		catch (Exception ex) {
			ProblemDetail problem = problemFor(ex);
			if (problem == null) {
				throw ex;
			}
			if (problem.getStatus() != HttpStatus.CONTENT_TOO_LARGE.value()) {
				log.warn("{} {} -> {}: {} ({})", request.method(), request.path(), this.service, problem.getStatus(),
						rootCause(ex).toString());
			}
			ServerResponse.BodyBuilder response = ServerResponse.status(problem.getStatus());
			if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
				response.header(HttpHeaders.RETRY_AFTER, this.retryAfter);
			}
			return response.build((servletRequest, servletResponse) -> {
				this.problems.write(servletRequest, servletResponse, problem);
				return null;
			});
		}
	}

	/**
	 * The problem for a failed call to a service: 413 when the client's body grew past
	 * the cap while it was forwarded, 400 when the request's own query cannot be decoded
	 * to be forwarded, 504 on a timeout, 503 (to retry after {@code Retry-After}) on any
	 * other I/O failure.
	 * @param ex what the call threw
	 * @return the problem, or {@code null} when the failure is not the service's
	 */
	static @Nullable ProblemDetail problemFor(Throwable ex) {
		if (causedBy(ex, PayloadTooLargeException.class)) {
			return Problems.payloadTooLarge();
		}
		if (causedBy(ex, CharacterCodingException.class)) {
			return Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
					"The request has characters or a form this service does not accept.");
		}
		if (causedBy(ex, HttpTimeoutException.class) || causedBy(ex, SocketTimeoutException.class)) {
			return Problems.problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
					"The service that handles this request did not answer in time; try again shortly.");
		}
		if (causedBy(ex, IOException.class)) {
			return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
					"The service that handles this request is not available; try again shortly.");
		}
		return null;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
