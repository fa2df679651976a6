package dev.shopfront.chassis.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.chassis.json.StrictJsonAutoConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem: Spring's own
 * (400, 404, 405, 406, 415, ...), validation (with {@code errors}), unreadable bodies,
 * and anything unexpected (500, without internals). A service maps its domain exceptions
 * with {@link ProblemMappings} beans, consulted here before the 500, or, when a problem
 * carries more than a message, in its own advice ordered before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final Duration retryAfter;

	private final List<ProblemMappings> mappings;

	/**
	 * The advice.
	 * @param retryAfter what {@code Retry-After} says when the infrastructure fails for a
	 * while (503)
	 * @param mappings the service's domain exceptions and their problems
	 */
	public ProblemDetailsAdvice(Duration retryAfter, List<ProblemMappings> mappings) {
		this.retryAfter = retryAfter;
		this.mappings = List.copyOf(mappings);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ObjectError error : ex.getBindingResult().getAllErrors()) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			errors.add(Problems.fieldError(field, error.getDefaultMessage()));
		}
		return validationProblem(errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors
					.add(Problems.fieldError((name != null) ? name : "parameter", error.getDefaultMessage())));
		});
		return validationProblem(errors, headers, request);
	}

	/**
	 * A path variable or query parameter that does not convert ({@code /orders/abc} for a
	 * UUID): a bad field like any other, named in {@code errors}.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		Class<?> required = ex.getRequiredType();
		String message = (required == UUID.class) ? "must be a UUID"
				: (required != null && Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(required)))
						? "must be a number" : "wrong type or format";
		return validationProblem(List.of(Problems.fieldError((name != null) ? name : "parameter", message)), headers,
				request);
	}

	/**
	 * A required query parameter missing ({@code /api/payments} without {@code orderId}):
	 * a bad field like any other, named in {@code errors}.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return validationProblem(List.of(Problems.fieldError(ex.getParameterName(), "is required")), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return entity(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
				"There is nothing at " + path(request) + "."), headers, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> Problems.fieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return validationProblem(errors, new HttpHeaders(), request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (causedBy(ex, PayloadTooLargeException.class)) {
			return entity(Problems.payloadTooLarge(), headers, request);
		}
		ProblemDetail problem;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			problem = Problems.validation(
					"The request has a field this endpoint does not know: '" + unknown.getPropertyName() + "'.",
					List.of(Problems.fieldError(path(unknown), "unknown field")));
		}
		else if (cause instanceof InvalidFormatException || (cause instanceof MismatchedInputException
				&& !((MismatchedInputException) cause).getPath().isEmpty())) {
			String field = path((JacksonException) cause);
			String message = (cause instanceof InvalidFormatException format
					&& StrictJsonAutoConfiguration.NUL_REFUSED.equals(format.getOriginalMessage()))
							? StrictJsonAutoConfiguration.NUL_REFUSED : "wrong type or format";
			problem = Problems.validation("Field '" + field + "' has a value of the wrong type or format.",
					List.of(Problems.fieldError(field, message)));
		}
		else if (cause instanceof StreamReadException || cause instanceof JacksonException) {
			problem = Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body is not valid JSON.");
		}
		else {
			problem = Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body is missing or cannot be read.");
		}
		return entity(problem, headers, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		return entity(
				Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this."),
				new HttpHeaders(), request);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return entity(Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"Authentication is required."), headers, request);
	}

	/**
	 * A request the firewall refuses once the application reads the offending part (a
	 * header value with control characters, say) is the client's error.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> handleRequestRejected(RequestRejectedException ex, WebRequest request) {
		log.info("Refused {}: {}", path(request), ex.getMessage());
		return entity(
				Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
						"The request has characters or a form this service does not accept."),
				new HttpHeaders(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		ProblemDetail mapped = ProblemMappings.problemFor(this.mappings, ex);
		if (mapped != null) {
			return entity(mapped, new HttpHeaders(), request);
		}
		if (ex.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
			return entity(Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
					"The query string cannot be decoded."), new HttpHeaders(), request);
		}
		if (TransientFailures.isTransient(ex)) {
			ProblemDetail problem = Problems.unavailable();
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Problems.retryAfterSeconds(this.retryAfter));
			ResponseEntity<Object> entity = entity(problem, headers, request);
			log.warn("Unavailable on {} (traceId {}): {}", path(request), traceId(problem), Problems.describe(ex));
			return entity;
		}
		String state = TransientFailures.sqlState(ex);
		if (state != null && state.startsWith("22")) {
			// a value the database cannot take that validation let through: the client's
			// input, but a gap in validation to close, hence the warning
			log.warn("Invalid data reached the database on {}: SQL state {}", path(request), state);
			return entity(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-data", "Invalid data",
					"The request has a value this service cannot store (too long, out of range, or with "
							+ "characters it does not accept)."),
					new HttpHeaders(), request);
		}
		if ("23505".equals(state)) {
			log.info("Duplicate on {}: {}", path(request), Problems.describe(ex));
			return entity(Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict",
					"This conflicts with something that exists already."), new HttpHeaders(), request);
		}
		ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Something went wrong on our side; quote the traceId when you report it.");
		ResponseEntity<Object> entity = entity(problem, new HttpHeaders(), request);
		log.error("Unexpected error on {} (traceId {})", path(request), traceId(problem), ex);
		return entity;
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				problem.setType(Problems.type(ProblemKinds.type(statusCode)));
			}
			if (problem.getTitle() == null) {
				problem.setTitle(ProblemKinds.title(statusCode));
			}
			complete(problem, request);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, HttpHeaders headers,
			WebRequest request) {
		return entity(Problems.validation("The request has " + errors.size() + " invalid field(s).", errors), headers,
				request);
	}

	private ResponseEntity<Object> entity(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
		complete(problem, request);
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static void complete(ProblemDetail problem, WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			ProblemWriter.complete(servlet.getRequest(), problem);
		}
	}

	private static @Nullable Object traceId(ProblemDetail problem) {
		Map<String, Object> properties = problem.getProperties();
		return (properties != null) ? properties.get("traceId") : null;
	}

	private static String path(WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			HttpServletRequest http = servlet.getRequest();
			return http.getMethod() + " " + http.getRequestURI();
		}
		return request.getDescription(false);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
