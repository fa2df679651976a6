package dev.shopfront.gateway.migration;

import dev.shopfront.chassis.web.ProblemMappings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The migration API's refusals as problems.
 */
@Configuration(proxyBeanMethods = false)
class MigrationProblems {

	@Bean
	ProblemMappings migrationProblemMappings() {
		return new ProblemMappings()
			.map(MigrationController.UnknownMigratingRoute.class, HttpStatus.NOT_FOUND, "not-found", "Not found")
			.map(MigrationController.InvalidModeChange.class, HttpStatus.BAD_REQUEST, "bad-request", "Bad request")
			.map(CutOverGuard.CutOverRefused.class, HttpStatus.CONFLICT, "cut-over-refused", "Cut-over refused");
	}

}
