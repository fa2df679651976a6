package dev.shopfront.chassis.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A service's domain exceptions and the problems they answer with, declared as a bean in
 * the service's web layer: the exception's message becomes the problem's {@code detail}.
 * The chassis' advice consults every such bean before it answers 500, so the domain
 * exceptions stay free of HTTP and a service writes no handler for a problem that carries
 * nothing but a message. A problem that carries more (a property, a header) keeps an
 * {@code @ExceptionHandler} of its own.
 *
 * <pre>
 * &#64;Bean
 * ProblemMappings catalogProblems() {
 *     return new ProblemMappings()
 *         .map(ProductNotFound.class, HttpStatus.NOT_FOUND, "not-found", "Not found")
 *         .map(SkuTaken.class, HttpStatus.CONFLICT, "sku-taken", "SKU taken");
 * }
 * </pre>
 */
public final class ProblemMappings {

	private final Map<Class<? extends Throwable>, Mapping> mappings = new LinkedHashMap<>();

	/**
	 * Maps an exception (and its subclasses, unless they are mapped themselves).
	 * @param exception the exception's class
	 * @param status the status
	 * @param type the problem type, e.g. {@code sku-taken}
	 * @param title its title
	 * @return these mappings
	 */
	public ProblemMappings map(Class<? extends Throwable> exception, HttpStatus status, String type, String title) {
		this.mappings.put(exception, new Mapping(status, type, title));
		return this;
	}

	/**
	 * The problem an exception answers with, over all mappings: that of its nearest
	 * mapped class.
	 * @param all every service's mappings
	 * @param exception the exception
	 * @return the problem, or null when none maps it
	 */
	static @Nullable ProblemDetail problemFor(Iterable<ProblemMappings> all, Throwable exception) {
		for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
			for (ProblemMappings mappings : all) {
				Mapping mapping = mappings.mappings.get(type);
				if (mapping != null) {
					return Problems.problem(mapping.status(), mapping.type(), mapping.title(), exception.getMessage());
				}
			}
		}
		return null;
	}

	private record Mapping(HttpStatus status, String type, String title) {
	}

}
