package dev.shopfront.inventory.catalog.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.inventory.catalog.CatalogExceptions.InvalidChange;
import dev.shopfront.inventory.catalog.CatalogExceptions.ProductNotFound;
import dev.shopfront.inventory.catalog.CatalogExceptions.SkuTaken;
import dev.shopfront.inventory.catalog.CatalogExceptions.StockLimitExceeded;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Where the catalog refuses a request, as problems with stable types (the exception's
 * message is the detail).
 */
@Configuration(proxyBeanMethods = false)
class CatalogProblems {

	@Bean
	ProblemMappings catalogProblemMappings() {
		return new ProblemMappings().map(ProductNotFound.class, HttpStatus.NOT_FOUND, "not-found", "Not found")
			.map(SkuTaken.class, HttpStatus.CONFLICT, "sku-taken", "SKU taken")
			.map(StockLimitExceeded.class, HttpStatus.CONFLICT, "stock-limit", "Stock limit")
			.map(InvalidChange.class, HttpStatus.BAD_REQUEST, "bad-request", "Bad request");
	}

}
