package dev.shopfront.chassis.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an endpoint answers with, for its OpenAPI document: the status, the stable
 * {@code type} clients switch on, and when it happens. The document lists, per status,
 * every type the endpoint may answer with and an example of each; the schema of that
 * answer allows those types only, so a contract check fails on a problem nobody wrote
 * down. Problems every endpoint shares (validation, authentication, the gateway's) are
 * added by the chassis and need no annotation.
 *
 * <pre>
 * &#64;ProblemResponse(status = 409, type = "sku-taken", title = "SKU taken",
 *         when = "a product with this SKU exists")
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponses.class)
public @interface ProblemResponse {

	/**
	 * The HTTP status.
	 * @return the status
	 */
	int status();

	/**
	 * The problem type's slug, after {@code https://shopfront.dev/problems/}.
	 * @return the slug, e.g. {@code sku-taken}
	 */
	String type();

	/**
	 * The problem's title; the status' reason phrase when left out.
	 * @return the title
	 */
	String title() default "";

	/**
	 * When the endpoint answers with it, as one sentence without a full stop.
	 * @return e.g. {@code a product with this SKU exists}
	 */
	String when();

}
