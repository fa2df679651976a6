package dev.shopfront.legacy.orders.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.legacy.catalog.CatalogModule;
import dev.shopfront.legacy.orders.OrdersModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The orders' refusals as problems (an unknown SKU in an order is unprocessable, not a
 * missing resource).
 */
@Configuration(proxyBeanMethods = false)
class OrderProblems {

	@Bean
	ProblemMappings legacyOrderProblemMappings() {
		return new ProblemMappings()
			.map(OrdersModule.OrderNotFound.class, HttpStatus.NOT_FOUND, "order-not-found", "Order not found")
			.map(OrdersModule.UnknownProduct.class, HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product",
					"Unknown product")
			.map(OrdersModule.MixedCurrencies.class, HttpStatus.UNPROCESSABLE_CONTENT, "mixed-currencies",
					"Mixed currencies")
			.map(CatalogModule.InsufficientStock.class, HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock")
			.map(OrderController.EmailRequired.class, HttpStatus.UNPROCESSABLE_CONTENT, "email-required",
					"E-mail address required");
	}

}
