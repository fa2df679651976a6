package dev.shopfront.payment.charge.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.payment.charge.PaymentExceptions.PaymentsNotFound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The payment API's problems: another user's payments are not found (404, not 403). A
 * missing or malformed query parameter is the chassis' validation problem.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProblems {

	@Bean
	ProblemMappings paymentProblemMappings() {
		return new ProblemMappings().map(PaymentsNotFound.class, HttpStatus.NOT_FOUND, "not-found", "Not found");
	}

}
