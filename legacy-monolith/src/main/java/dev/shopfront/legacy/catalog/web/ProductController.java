package dev.shopfront.legacy.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import dev.shopfront.chassis.openapi.ProblemResponse;
import dev.shopfront.legacy.catalog.CatalogModule;
import dev.shopfront.legacy.catalog.CatalogModule.Product;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/products} as the monolith serves it: the paths, members and problems that
 * inventory-service took over, so the gateway can move the route between the two.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final CatalogModule catalog;

	ProductController(CatalogModule catalog) {
		this.catalog = catalog;
	}

	/**
	 * Lists the catalog, a page at a time.
	 */
	@GetMapping
	PageResponse listProducts(@RequestParam(required = false) @Nullable @Size(max = 100) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(defaultValue = "name") @Pattern(regexp = "(name|price|sku)(,(asc|desc))?") String sort) {
		String[] parts = sort.split(",");
		CatalogModule.Page found = this.catalog.page(q, page, size, parts[0],
				parts.length > 1 && parts[1].equals("desc"));
		return new PageResponse(found.content().stream().map(ProductResponse::of).toList(),
				new PageInfo(found.number(), found.size(), found.totalElements(), found.totalPages()));
	}

	/**
	 * Reads one product.
	 */
	@GetMapping("/{sku}")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "no product has this SKU")
	ProductResponse getProduct(@PathVariable String sku) {
		return ProductResponse.of(this.catalog.find(sku));
	}

	/**
	 * Adds a product.
	 */
	@PostMapping
	@ProblemResponse(status = 409, type = "sku-taken", title = "SKU taken", when = "a product with this SKU exists")
	ResponseEntity<ProductResponse> addProduct(@Valid @RequestBody NewProduct body) {
		Product added = this.catalog.add(new Product(body.sku(), body.name().strip(),
				(body.description() != null) ? body.description().strip() : "", body.category(), body.price(),
				body.currency(), body.stock()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/products/" + added.sku()))
			.body(ProductResponse.of(added));
	}

	/**
	 * Changes a product's price, text or stock.
	 */
	@PatchMapping("/{sku}")
	@ProblemResponse(status = 400, type = "bad-request", title = "Bad request",
			when = "the change both sets and adds to the stock")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "no product has this SKU")
	ProductResponse changeProduct(@PathVariable String sku, @Valid @RequestBody ProductChange body) {
		return ProductResponse.of(this.catalog.change(sku, new CatalogModule.Change(body.name(), body.description(),
				body.price(), body.currency(), body.stock(), body.restock())));
	}

	/**
	 * A product; the price is a decimal string.
	 *
	 * @param sku SKU
	 * @param name name
	 * @param description description
	 * @param category category
	 * @param price unit price
	 * @param currency ISO 4217 currency
	 * @param available units in stock
	 */
	record ProductResponse(String sku, String name, String description, @Nullable String category, String price,
			String currency, int available) {

		static ProductResponse of(Product product) {
			return new ProductResponse(product.sku(), product.name(), product.description(), product.category(),
					product.price().setScale(2).toPlainString(), product.currency(), product.stock());
		}

	}

	/**
	 * A page of products.
	 *
	 * @param content the products
	 * @param page where this page stands
	 */
	record PageResponse(List<ProductResponse> content, PageInfo page) {
	}

	/**
	 * Where a page stands.
	 *
	 * @param number page number from 0
	 * @param size page size
	 * @param totalElements matching products
	 * @param totalPages pages in all
	 */
	record PageInfo(int number, int size, long totalElements, int totalPages) {
	}

	/**
	 * A new product.
	 *
	 * @param sku upper-case letters, digits and dashes
	 * @param name name
	 * @param description description
	 * @param category category
	 * @param price unit price
	 * @param currency ISO 4217 code
	 * @param stock units in stock
	 */
	record NewProduct(@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,31}") String sku,
			@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 2000) String description,
			@Nullable @Size(max = 100) String category,
			@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal price,
			@NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull @PositiveOrZero Integer stock) {
	}

	/**
	 * A change to a product.
	 *
	 * @param name new name
	 * @param description new description
	 * @param price new price
	 * @param currency new currency
	 * @param stock stock to set
	 * @param restock stock to add
	 */
	record ProductChange(@Nullable @Size(min = 1, max = 200) String name,
			@Nullable @Size(max = 2000) String description,
			@Nullable @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal price,
			@Nullable @Pattern(regexp = "[A-Z]{3}") String currency, @Nullable @PositiveOrZero Integer stock,
			@Nullable @Min(1) Integer restock) {
	}

}
