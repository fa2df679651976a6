package dev.shopfront.shipping.shipment.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.shipping.shipment.IllegalShipmentTransitionException;
import dev.shopfront.shipping.shipment.ShipmentNotFoundException;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place shipping-service's exceptions become problems: an unknown shipment, or
 * another customer's, is not found (404); a transition the shipment's status does not
 * allow is a conflict (409) that says the status. A missing or malformed id is the
 * chassis' validation problem.
 */
@RestControllerAdvice(assignableTypes = ShipmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShipmentProblems {

	@Bean
	static ProblemMappings shipmentProblemMappings() {
		return new ProblemMappings().map(ShipmentNotFoundException.class, HttpStatus.NOT_FOUND, "not-found",
				"Not found");
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalShipmentTransitionException ex) {
		ProblemDetail problem = switch (ex.refused().to()) {
			case DISPATCHED -> Problems.problem(HttpStatus.CONFLICT, "shipment-not-dispatchable",
					"Shipment cannot be dispatched", ex.getMessage());
			case DELIVERED -> Problems.problem(HttpStatus.CONFLICT, "shipment-not-deliverable",
					"Shipment cannot be delivered", ex.getMessage());
			default -> Problems.problem(HttpStatus.CONFLICT, "illegal-shipment-transition", "Shipment cannot move on",
					ex.getMessage());
		};
		problem.setProperty("shipmentId", ex.refused().shipmentId());
		problem.setProperty("shipmentStatus", ex.refused().from().name());
		return problem;
	}

}
