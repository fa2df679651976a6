package dev.shopfront.chassis.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders errors that happen outside Spring MVC (the servlet container's own) as
 * problems, in place of Spring Boot's whitelabel and JSON error pages.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

	private final ProblemWriter problems;

	public ProblemErrorController(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping
	public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatusCode status = (code instanceof Integer value && value >= 400) ? HttpStatusCode.valueOf(value)
				: HttpStatus.INTERNAL_SERVER_ERROR;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		var problem = Problems.forStatus(status,
				status.is5xxServerError() ? "Something went wrong on our side; quote the traceId when you report it."
						: "The request could not be handled.");
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path));
		}
		response.resetBuffer();
		this.problems.write(request, response, problem);
	}

}
