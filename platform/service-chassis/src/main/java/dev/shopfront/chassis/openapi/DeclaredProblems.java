package dev.shopfront.chassis.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.web.method.HandlerMethod;

/**
 * Carries the {@link ProblemResponse}s of each endpoint method into its operation. The
 * method does not know its path, which the examples show, so they wait in an extension
 * until {@link SharedProblemsAndAccess} writes them with it.
 */
final class DeclaredProblems implements OperationCustomizer {

	private static final String PENDING = "x-shopfront-declared-problems";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		ProblemResponse[] declared = handlerMethod.getMethod().getAnnotationsByType(ProblemResponse.class);
		if (declared.length > 0) {
			operation.addExtension(PENDING, List.of(declared));
		}
		return operation;
	}

	/**
	 * Writes an operation's declared problems as answers, and drops the extension.
	 * @param operation the operation
	 * @param path its path
	 */
	static void write(Operation operation, String path) {
		Map<String, Object> extensions = operation.getExtensions();
		if (extensions == null || !(extensions.remove(PENDING) instanceof List<?> declared)) {
			return;
		}
		if (extensions.isEmpty()) {
			operation.setExtensions(null);
		}
		for (Object each : new ArrayList<>(declared)) {
			ProblemResponse problem = (ProblemResponse) each;
			ProblemAnswers.add(operation, path, problem.status(), problem.type(), problem.title(), problem.when());
		}
	}

}
