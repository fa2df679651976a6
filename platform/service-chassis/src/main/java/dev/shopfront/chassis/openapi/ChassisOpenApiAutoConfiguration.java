package dev.shopfront.chassis.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator.HttpServletRequestTransformer;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * A service's OpenAPI 3.1 documents: {@code /v3/api-docs/public} (the paths the gateway
 * routes, {@code /api/**} and {@code /.well-known/**}; the gateway's API page shows it)
 * and {@code /v3/api-docs/internal} ({@code /internal/**} and {@code /oauth2/**}, for the
 * other services; not routed). Titles and descriptions come from
 * {@code shopfront.chassis.openapi.title} and {@code .description}, the rest from the
 * controllers, their Javadoc and {@link ProblemResponse}. Off with
 * {@code shopfront.chassis.openapi.enabled=false} (the gateway, which documents no API of
 * its own but shows the services').
 */
@AutoConfiguration
@ConditionalOnClass(GroupedOpenApi.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "shopfront.chassis.openapi.enabled", matchIfMissing = true)
public class ChassisOpenApiAutoConfiguration {

	@Bean
	OpenAPI shopfrontOpenApi(Environment environment) {
		String name = environment.getProperty("spring.application.name", "service");
		return new OpenAPI(SpecVersion.V31)
			.info(new Info().title(environment.getProperty("shopfront.chassis.openapi.title", name))
				.description(environment.getProperty("shopfront.chassis.openapi.description", ""))
				.version("1"))
			.components(new Components()
				.addSecuritySchemes(SharedProblemsAndAccess.BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("An access token from `POST /api/auth/token` (its `roles` claim holds CUSTOMER "
							+ "or ADMIN), or for the internal API a SERVICE token from `POST /oauth2/token`. "
							+ "Where an operation lists roles, the token needs one of them."))
				.addSchemas("Problem", problem())
				.addSchemas("FieldError", fieldError()));
	}

	@Bean
	GroupedOpenApi publicApi(ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
		return group("public", "Public API (through the gateway)",
				new SharedProblemsAndAccess(access, true, "The gateway: the origin this document was read from"),
				"/api/**", "/.well-known/**");
	}

	@Bean
	GroupedOpenApi internalApi(ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
		return group("internal", "Internal API (service to service, not routed by the gateway)",
				new SharedProblemsAndAccess(access, false, "The service itself"), "/internal/**", "/oauth2/**");
	}

	private static GroupedOpenApi group(String name, String title, SharedProblemsAndAccess finish, String... paths) {
		return GroupedOpenApi.builder()
			.group(name)
			.displayName(title)
			.pathsToMatch(paths)
			.addOperationCustomizer(new DeclaredProblems())
			.addOpenApiCustomizer(finish)
			.build();
	}

	@Bean
	ModelConverter shopfrontRecordNullness() {
		return new RecordNullness();
	}

	/**
	 * Lets Spring Security's privilege evaluator, which the documents ask who may call an
	 * operation, judge rules that match on the dispatcher type (every service opens error
	 * dispatches): its stand-in request cannot tell, and is a plain request here.
	 * @return the transformer the evaluator uses
	 */
	@Bean
	@ConditionalOnMissingBean
	HttpServletRequestTransformer privilegeEvaluatorRequestTransformer() {
		PathPatternRequestTransformer paths = new PathPatternRequestTransformer();
		return (request) -> paths.transform(new HttpServletRequestWrapper(request) {

			@Override
			public DispatcherType getDispatcherType() {
				return DispatcherType.REQUEST;
			}

		});
	}

	private static Schema<Object> problem() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", string("uri",
				"Stable per kind of error, under https://shopfront.dev/problems/; " + "clients switch on it"));
		properties.put("title", string(null, "Short, the same for every problem of this type"));
		properties.put("status",
				new Schema<Integer>(SpecVersion.V31).typesItem("integer").description("The HTTP status, repeated"));
		properties.put("detail", string(null, "What went wrong this time, for people"));
		properties.put("instance", string(null, "The request's path"));
		properties.put("traceId", string(null, "The request's trace id: finds its trace and log lines"));
		properties.put("errors",
				new Schema<Object>(SpecVersion.V31).typesItem("array")
					.items(new Schema<>(SpecVersion.V31).$ref("#/components/schemas/FieldError"))
					.description("For `validation`: every bad field"));
		Schema<Object> problem = new Schema<>(SpecVersion.V31).typesItem("object");
		problem.setProperties(properties);
		problem.setRequired(List.of("type", "title", "status"));
		problem.setAdditionalProperties(true);
		return problem.description("An error (RFC 9457 problem details). Some types add members of their own, "
				+ "shown in their examples. Never a stack trace.");
	}

	private static Schema<Object> fieldError() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("field", string(null, "The field, query parameter or path variable"));
		properties.put("message", string(null, "What is wrong with it"));
		Schema<Object> error = new Schema<>(SpecVersion.V31).typesItem("object");
		error.setProperties(properties);
		error.setRequired(List.of("field", "message"));
		return error.description("One bad field of a `validation` problem");
	}

	private static Schema<String> string(@org.jspecify.annotations.Nullable String format, String description) {
		Schema<String> schema = new Schema<String>(SpecVersion.V31).typesItem("string").description(description);
		return (format != null) ? schema.format(format) : schema;
	}

}
