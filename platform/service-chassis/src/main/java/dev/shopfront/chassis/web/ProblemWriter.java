package dev.shopfront.chassis.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Completes problems with {@code instance} and {@code traceId}, and writes them where
 * Spring MVC's own rendering does not reach (filters, security entry points).
 */
public class ProblemWriter {

	private final JsonMapper json;

	public ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Fills in what every problem carries: the request path as {@code instance} and the
	 * trace id.
	 * @param request the request that failed
	 * @param problem the problem to complete
	 * @return the same problem
	 */
	public static ProblemDetail complete(HttpServletRequest request, ProblemDetail problem) {
		if (problem.getInstance() == null) {
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
		}
		if (problem.getProperties() == null || !problem.getProperties().containsKey("traceId")) {
			problem.setProperty("traceId", TraceIds.current(request));
		}
		return problem;
	}

	/**
	 * Writes the problem as the whole response, as {@code application/problem+json}.
	 * @param request the request that failed
	 * @param response the response to write
	 * @param problem the problem
	 * @throws IOException when the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		complete(request, problem);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), asMap(problem));
	}

	/**
	 * The problem as its JSON members, in RFC 9457 order, extension members last (for a
	 * service that stores or forwards a problem body itself).
	 * @param problem the problem
	 * @return its members
	 */
	public static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", (problem.getInstance() != null) ? problem.getInstance().toString() : null);
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
