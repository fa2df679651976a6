package dev.shopfront.inventory.reservation.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.inventory.reservation.Reservations.ConflictingRequest;
import dev.shopfront.inventory.reservation.Reservations.RejectedOrder;
import dev.shopfront.inventory.reservation.Reservations.ShortStock;
import dev.shopfront.inventory.reservation.Reservations.UnknownProducts;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Where a reservation request is refused, as problems (RFC 9457) with stable types.
 */
@RestControllerAdvice(assignableTypes = ReservationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReservationProblems {

	@Bean
	static ProblemMappings reservationProblemMappings() {
		return new ProblemMappings()
			.map(UnknownProducts.class, HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product")
			.map(RejectedOrder.class, HttpStatus.CONFLICT, "order-rejected", "Order rejected")
			.map(ConflictingRequest.class, HttpStatus.CONFLICT, "reservation-conflict", "Reservation conflict");
	}

	@ExceptionHandler
	ProblemDetail shortStock(ShortStock ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
				ex.getMessage());
		problem.setProperty("unavailable", ex.unavailable());
		return problem;
	}

}
