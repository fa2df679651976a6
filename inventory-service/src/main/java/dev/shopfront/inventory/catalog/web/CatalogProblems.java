package dev.shopfront.inventory.catalog.web;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.inventory.catalog.CatalogExceptions.InvalidChange;
import dev.shopfront.inventory.catalog.CatalogExceptions.ProductNotFound;
import dev.shopfront.inventory.catalog.CatalogExceptions.SkuTaken;
import dev.shopfront.inventory.catalog.CatalogExceptions.StockLimitExceeded;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the catalog's exceptions to problems.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

	@ExceptionHandler
	ProblemDetail notFound(ProductNotFound ex) {
		return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail skuTaken(SkuTaken ex) {
		return Problems.problem(HttpStatus.CONFLICT, "sku-taken", "SKU taken", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail stockLimit(StockLimitExceeded ex) {
		return Problems.problem(HttpStatus.CONFLICT, "stock-limit", "Stock limit", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidChange ex) {
		return Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getMessage());
	}

}
