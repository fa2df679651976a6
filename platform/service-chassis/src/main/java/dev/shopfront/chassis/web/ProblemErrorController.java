package dev.shopfront.chassis.web;

import java.io.IOException;
import java.time.Duration;

import dev.shopfront.chassis.config.ChassisProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders errors that happen outside Spring MVC (the servlet container's own, and
 * exceptions thrown by filters) as problems, in place of Spring Boot's whitelabel and
 * JSON error pages: a request the firewall refused is a 400, a failure of the database or
 * broker a 503 with {@code Retry-After}, anything else keeps its status.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	private final ProblemWriter problems;

	private final Duration retryAfter;

	public ProblemErrorController(ProblemWriter problems, ChassisProperties properties) {
		this.problems = problems;
		this.retryAfter = properties.web().unavailableRetryAfter();
	}

	@RequestMapping
	public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		HttpStatusCode status = (code instanceof Integer value && value >= 400) ? HttpStatusCode.valueOf(value)
				: HttpStatus.INTERNAL_SERVER_ERROR;
		ProblemDetail problem;
		if (failure instanceof RequestRejectedException rejected) {
			log.info("Refused {}: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					rejected.getMessage());
			problem = RejectedRequestFilter.badRequest();
		}
		else if (failure instanceof Throwable thrown && TransientFailures.isTransient(thrown)) {
			log.warn("Unavailable on {}: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					Problems.describe(thrown));
			problem = Problems.unavailable();
			response.setHeader(HttpHeaders.RETRY_AFTER, Problems.retryAfterSeconds(this.retryAfter));
		}
		else {
			problem = Problems.forStatus(status,
					status.is5xxServerError()
							? "Something went wrong on our side; quote the traceId when you report it."
							: "The request could not be handled.");
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path));
		}
		response.resetBuffer();
		this.problems.write(request, response, problem);
	}

}
