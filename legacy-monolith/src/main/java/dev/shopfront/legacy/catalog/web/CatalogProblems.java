package dev.shopfront.legacy.catalog.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.legacy.catalog.CatalogModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The catalog's refusals, with the problem types inventory-service answers with.
 */
@Configuration(proxyBeanMethods = false)
class CatalogProblems {

	@Bean
	ProblemMappings legacyCatalogProblemMappings() {
		return new ProblemMappings()
			.map(CatalogModule.ProductNotFound.class, HttpStatus.NOT_FOUND, "not-found", "Not found")
			.map(CatalogModule.SkuTaken.class, HttpStatus.CONFLICT, "sku-taken", "SKU taken")
			.map(CatalogModule.InvalidChange.class, HttpStatus.BAD_REQUEST, "bad-request", "Bad request");
	}

}
