package dev.shopfront.chassis.openapi;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Finishes a group's document: who may call each operation, asked of the service's own
 * security rules (so the document cannot say "public" where the service demands a token),
 * and the problems every operation shares, added to those its method declares with
 * {@link ProblemResponse} ({@link DeclaredProblems}).
 */
final class SharedProblemsAndAccess implements OpenApiCustomizer {

	/** The roles a token can carry, in the order the document lists them. */
	static final List<String> ROLES = List.of("CUSTOMER", "ADMIN", "SERVICE");

	static final String BEARER = "bearer";

	private final ObjectProvider<WebInvocationPrivilegeEvaluator> access;

	private final boolean routed;

	private final String serverDescription;

	/**
	 * @param access the service's security rules
	 * @param routed whether the gateway routes this group (it adds its own problems)
	 * @param serverDescription what the document's server ({@code /}) is
	 */
	SharedProblemsAndAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> access, boolean routed,
			String serverDescription) {
		this.access = access;
		this.routed = routed;
		this.serverDescription = serverDescription;
	}

	@Override
	public void customise(OpenAPI api) {
		api.setServers(List.of(new Server().url("/").description(this.serverDescription)));
		if (api.getPaths() == null) {
			return;
		}
		api.setTags(null);
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			operation.setTags(List.of(resource(path)));
			operation.setSummary(markdown(operation.getSummary()));
			operation.setDescription(markdown(operation.getDescription()));
			List<String> roles = rolesFor(path, method);
			describeAccess(operation, roles);
			DeclaredProblems.write(operation, path);
			addSharedProblems(operation, path, roles);
		}));
	}

	/**
	 * What an operation is filed under on the API page: the resource its path names
	 * ({@code /api/orders/{id}} is {@code orders}), not the controller class that serves
	 * it.
	 */
	static String resource(String path) {
		String[] segments = path.replaceFirst("^/(api|internal)/", "/").split("/");
		String first = (segments.length > 1) ? segments[1] : path;
		return first.startsWith(".") ? first.substring(1) : first;
	}

	/**
	 * Javadoc's {@code <code>} as Markdown's backticks, which the API page renders.
	 */
	static @Nullable String markdown(@Nullable String text) {
		return (text != null) ? text.replaceAll("<code>(.*?)</code>", "`$1`") : null;
	}

	/**
	 * Who may call an operation.
	 * @return null when anyone may; empty when any signed-in caller may; else the roles
	 */
	private @Nullable List<String> rolesFor(String path, PathItem.HttpMethod method) {
		String uri = path.replaceAll("\\{[^}]*}", "x");
		WebInvocationPrivilegeEvaluator access = this.access.getObject();
		if (access.isAllowed("", uri, method.name(), anonymous())) {
			return null;
		}
		List<String> allowed = new ArrayList<>();
		for (String role : ROLES) {
			if (access.isAllowed("", uri, method.name(), withRole(role))) {
				allowed.add(role);
			}
		}
		return (allowed.size() == ROLES.size()) ? List.of() : allowed;
	}

	private static void describeAccess(Operation operation, @Nullable List<String> roles) {
		String who;
		if (roles == null) {
			operation.setSecurity(List.of());
			who = "anyone, no token needed";
		}
		else {
			operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER, roles)));
			who = roles.isEmpty() ? "any caller with a valid token" : "a token with role " + String.join(" or ", roles);
		}
		String line = "**Access:** " + who + ".";
		String description = operation.getDescription();
		operation.setDescription((description == null || description.isBlank()) ? line : description + "\n\n" + line);
	}

	private void addSharedProblems(Operation operation, String path, @Nullable List<String> roles) {
		boolean body = operation.getRequestBody() != null;
		boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
		if (input) {
			ProblemAnswers.add(operation, path, 400, "validation", "Invalid request",
					"a parameter or body member is missing, malformed, of the wrong type or out of range; "
							+ "`errors` lists every bad field");
		}
		if (body) {
			ProblemAnswers.add(operation, path, 400, "malformed-request", "Malformed request",
					"the body is not JSON, is missing, or an object names a member twice");
		}
		ProblemAnswers.add(operation, path, 400, "bad-request", "",
				"the request was refused before it reached the endpoint (a control character in a header, "
						+ "`;`, `%2F` or `..` in the path, a query string that cannot be decoded)");
		if (roles == null) {
			ProblemAnswers.add(operation, path, 401, "unauthorized", "",
					"a bearer token was sent (none is needed here) and it is expired, wrongly signed or "
							+ "from another issuer");
		}
		else {
			ProblemAnswers.add(operation, path, 401, "unauthorized", "",
					"no bearer token, or one that is expired, wrongly signed or from another issuer");
			if (!roles.isEmpty()) {
				ProblemAnswers.add(operation, path, 403, "forbidden", "",
						"the token is valid but lacks role " + String.join(" or ", roles));
			}
		}
		ProblemAnswers.add(operation, path, 406, "not-acceptable", "",
				"the `Accept` header asks for something other than JSON");
		if (body) {
			ProblemAnswers.add(operation, path, 413, "payload-too-large", "", "the body is over the size cap (1 MB)");
			ProblemAnswers.add(operation, path, 415, "unsupported-media-type", "", "the body is not "
					+ String.join(" or ", mediaTypes(operation).stream().map((type) -> "`" + type + "`").toList()));
		}
		if (this.routed) {
			ProblemAnswers.add(operation, path, 429, "rate-limited", "Too many requests",
					"the gateway's per-user or per-address limit is reached; `Retry-After` says when to try again");
		}
		ProblemAnswers.add(operation, path, 500, "internal-error", "", "a bug; quote the `traceId`");
		ProblemAnswers.add(operation, path, 503, "service-unavailable", "",
				"the service, its database or broker is unavailable for a while"
						+ (this.routed ? ", or the gateway cannot reach it" : "")
						+ "; safe to retry after `Retry-After`");
		if (this.routed) {
			ProblemAnswers.add(operation, path, 504, "gateway-timeout", "",
					"the service behind the gateway did not answer in time");
		}
	}

	private static List<String> mediaTypes(Operation operation) {
		var body = operation.getRequestBody();
		return (body == null || body.getContent() == null) ? List.of("application/json")
				: List.copyOf(body.getContent().keySet());
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("openapi", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	private static Authentication withRole(String role) {
		return UsernamePasswordAuthenticationToken.authenticated("openapi", null,
				AuthorityUtils.createAuthorityList("ROLE_" + role));
	}

}
