package dev.shopfront.chassis.web;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as a problem: for requests Tomcat refuses before any application
 * sees them (encoded slashes or backslashes in the path, malformed request lines), in
 * place of its HTML page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	private final ProblemWriter problems;

	ProblemErrorReportValve(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.resetBuffer();
			this.problems.write(request, response, problem(HttpStatusCode.valueOf(status), request.getRequestURI()));
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed: nothing more to say.
		}
	}

	static ProblemDetail problem(HttpStatusCode status, @Nullable String path) {
		ProblemDetail problem = Problems.forStatus(status,
				status.is5xxServerError() ? "Something went wrong on our side; quote the traceId when you report it."
						: "The request could not be handled.");
		problem.setInstance(instance(path));
		return problem;
	}

	private static URI instance(@Nullable String path) {
		try {
			return URI.create((path != null) ? path : "/");
		}
		catch (IllegalArgumentException ex) {
			// A path too broken to be a URI reference is not repeated back.
			return URI.create("/");
		}
	}

}
