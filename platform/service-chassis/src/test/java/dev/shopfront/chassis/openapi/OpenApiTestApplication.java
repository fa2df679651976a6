package dev.shopfront.chassis.openapi;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shopfront.chassis.security.ChassisSecurity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small API on the chassis, for what its OpenAPI documents say: anyone reads things,
 * ADMINs add them, any signed-in caller reads one, and an internal path for SERVICEs.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration" })
class OpenApiTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/things")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/things")
				.hasRole("ADMIN")
				.requestMatchers("/internal/**")
				.hasRole("SERVICE")
				.anyRequest()
				.authenticated())
			.build();
	}

	/**
	 * A thing.
	 *
	 * @param id its id
	 * @param name its name
	 * @param note a note, or null
	 * @param tag a tag, left out when there is none
	 */
	record Thing(UUID id, String name, @Nullable String note,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String tag) {
	}

	/**
	 * A new thing.
	 *
	 * @param name its name
	 */
	record NewThing(@NotBlank String name) {
	}

	@RestController
	static class ThingController {

		/**
		 * Lists the things.
		 */
		@GetMapping("/api/things")
		List<Thing> listThings() {
			return List.of();
		}

		/**
		 * Reads one thing.
		 */
		@GetMapping("/api/things/{id}")
		@ProblemResponse(status = 404, type = "thing-not-found", title = "Thing not found", when = "no such thing")
		Thing getThing(@PathVariable UUID id) {
			return new Thing(id, "a thing", null, null);
		}

		/**
		 * Adds a thing.
		 */
		@PostMapping("/api/things")
		@ProblemResponse(status = 409, type = "thing-taken", title = "Thing taken", when = "a thing has this name")
		@ProblemResponse(status = 409, type = "conflict", when = "the database refused a duplicate")
		Thing addThing(@Valid @RequestBody NewThing thing) {
			return new Thing(UUID.randomUUID(), thing.name(), null, null);
		}

		/**
		 * Counts things, for other services.
		 */
		@GetMapping("/internal/things/count")
		int countThings() {
			return 0;
		}

	}

}
