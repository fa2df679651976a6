package dev.shopfront.chassis.web;

import dev.shopfront.chassis.security.ChassisSecurity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal web service on the chassis, for testing what every service gets from it; no
 * database or broker (the messaging tests have their own application).
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration" })
class ChassisTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/test/admin")
				.hasRole("ADMIN")
				.requestMatchers("/test/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

	@Bean
	ProblemMappings testProblems() {
		return new ProblemMappings().map(Missing.class, HttpStatus.NOT_FOUND, "thing-not-found", "Thing not found")
			.map(Taken.class, HttpStatus.CONFLICT, "thing-taken", "Thing taken");
	}

	@Bean
	ProblemMappings moreTestProblems() {
		return new ProblemMappings().map(TakenTwice.class, HttpStatus.CONFLICT, "thing-taken-twice",
				"Thing taken twice");
	}

	/** A domain exception, mapped. */
	static class Missing extends RuntimeException {

		Missing(String message) {
			super(message);
		}

	}

	/** Another, mapped, whose subclasses answer as it does unless mapped themselves. */
	static class Taken extends RuntimeException {

		Taken(String message) {
			super(message);
		}

	}

	/** Not mapped: answers as {@link Taken}. */
	static class TakenAgain extends Taken {

		TakenAgain(String message) {
			super(message);
		}

	}

	/** Mapped in another bean, nearer than {@link Taken}. */
	static class TakenTwice extends Taken {

		TakenTwice(String message) {
			super(message);
		}

	}

	@RestController
	static class TestController {

		@GetMapping("/test/mapped/{kind}")
		String mapped(@PathVariable String kind) {
			throw switch (kind) {
				case "missing" -> new Missing("No thing 7.");
				case "taken" -> new Taken("Thing 7 is taken.");
				case "taken-again" -> new TakenAgain("Thing 7 is taken again.");
				case "taken-twice" -> new TakenTwice("Thing 7 is taken twice.");
				default -> new IllegalArgumentException("internal " + kind);
			};
		}

		@PostMapping("/test/items")
		@ResponseStatus(HttpStatus.CREATED)
		Item create(@Valid @RequestBody Item item) {
			return item;
		}

		@GetMapping("/test/items/{id}")
		Item one(@PathVariable long id) {
			return new Item("item " + id, 1);
		}

		@GetMapping("/test/page")
		String page(@RequestParam @Max(100) int size) {
			return "size " + size;
		}

		@GetMapping("/test/boom")
		String boom() {
			throw new IllegalStateException("secret internal detail");
		}

		@GetMapping("/test/admin")
		String admin() {
			return "admin";
		}

	}

	record Item(@NotBlank String name, @Min(1) int quantity) {
	}

}
