package dev.shopfront.inventory.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.shopfront.chassis.openapi.ProblemResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import dev.shopfront.chassis.validation.SingleLine;
import dev.shopfront.inventory.catalog.Catalog;
import dev.shopfront.inventory.catalog.Catalog.NewProduct;
import dev.shopfront.inventory.catalog.Catalog.ProductChange;
import dev.shopfront.inventory.catalog.CatalogPage;
import dev.shopfront.inventory.catalog.ProductView;
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
 * The public catalog ({@code GET}) and its administration ({@code POST}, {@code PATCH}).
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	/** The largest page a client may ask for. */
	static final int MAX_PAGE_SIZE = 100;

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Lists the catalog, a page at a time, optionally filtered by a text in the name or
	 * description.
	 */
	@GetMapping
	PageResponse listProducts(@RequestParam(required = false) @Nullable @Size(max = 100) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
			@RequestParam(defaultValue = "name") @Pattern(regexp = "(name|price|sku)(,(asc|desc))?",
					message = "must be name, price or sku, optionally followed by ,asc or ,desc") String sort) {
		String[] parts = sort.split(",");
		CatalogPage result = this.catalog.page(q, page, size, parts[0], parts.length > 1 && parts[1].equals("desc"));
		return new PageResponse(result.content().stream().map(ProductResponse::of).toList(),
				new PageResponse.PageInfo(result.number(), result.size(), result.totalElements(), result.totalPages()));
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
	 * Adds a product to the catalog with its first stock.
	 */
	@PostMapping
	@ApiResponse(responseCode = "201", description = "Created; `Location` is the product's address",
			useReturnTypeSchema = true)
	@ProblemResponse(status = 409, type = "sku-taken", title = "SKU taken", when = "a product with this SKU exists")
	ResponseEntity<ProductResponse> addProduct(@Valid @RequestBody NewProductRequest request) {
		ProductView product = this.catalog.add(new NewProduct(request.sku(), request.name().strip(),
				(request.description() != null) ? request.description().strip() : "", request.category(),
				request.price(), request.currency(), request.stock()));
		return ResponseEntity.created(URI.create("/api/products/" + product.sku())).body(ProductResponse.of(product));
	}

	/**
	 * Changes a product's price, text or stock: members left out stay as they are;
	 * {@code stock} sets the stock, {@code restock} adds to it.
	 */
	@PatchMapping("/{sku}")
	@ProblemResponse(status = 400, type = "bad-request", title = "Bad request",
			when = "the change contradicts itself (both `stock` and `restock`) or changes nothing")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "no product has this SKU")
	@ProblemResponse(status = 409, type = "stock-limit", title = "Stock limit",
			when = "a restock would take the product past 1,000,000,000 units")
	@ProblemResponse(status = 409, type = "concurrent-modification", title = "Concurrent modification",
			when = "someone else changed the product at the same time; read it and try again")
	ProductResponse changeProduct(@PathVariable String sku, @Valid @RequestBody ChangeProductRequest request) {
		return ProductResponse.of(this.catalog.change(sku, new ProductChange(request.name(), request.description(),
				request.price(), request.currency(), request.stock(), request.restock())));
	}

	/**
	 * A product as the API shows it; the price is a decimal string.
	 *
	 * @param sku SKU, e.g. "MUG-CLASSIC"
	 * @param name name
	 * @param description description
	 * @param category category
	 * @param price unit price, e.g. "19.99"
	 * @param currency ISO 4217 currency
	 * @param available units that can be ordered now
	 */
	record ProductResponse(@Schema(example = "MUG-CLASSIC") String sku, @Schema(example = "Classic mug") String name,
			@Schema(example = "Stoneware, 350 ml") String description,
			@Schema(example = "kitchen") @Nullable String category, @Schema(example = "12.50") String price,
			@Schema(example = "EUR") String currency, @Schema(example = "40") int available) {

		static ProductResponse of(ProductView product) {
			return new ProductResponse(product.sku(), product.name(), product.description(), product.category(),
					product.price().setScale(2).toPlainString(), product.currency(), product.available());
		}

	}

	/**
	 * A page of products.
	 *
	 * @param content the products
	 * @param page where this page stands
	 */
	record PageResponse(List<ProductResponse> content, PageInfo page) {

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

	}

	/**
	 * A new product.
	 *
	 * @param sku upper-case letters, digits and dashes, 3 to 32
	 * @param name name
	 * @param description description
	 * @param category category
	 * @param price unit price above 0 with at most 2 decimals
	 * @param currency ISO 4217 code
	 * @param stock units in stock
	 */
	record NewProductRequest(
			@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,31}",
					message = "must be 3 to 32 upper-case letters, digits or dashes") @Schema(
							example = "MUG-CLASSIC") String sku,
			@NotBlank @SingleLine @Size(max = 200) String name, @Nullable @Size(max = 2000) String description,
			@Nullable @SingleLine @Size(max = 100) String category,
			@NotNull @DecimalMin(value = "0.01", message = "must be greater than 0") @Digits(integer = 10, fraction = 2,
					message = "must have at most 2 decimals") @Schema(types = {
							"string", "number" }, example = "12.50") BigDecimal price,
			@NotNull @Currency @Schema(example = "EUR") String currency,
			@NotNull @PositiveOrZero @Max(value = Catalog.MAX_STOCK,
					message = "must be at most " + Catalog.MAX_STOCK) Integer stock){
	}

	/**
	 * A change to a product: members left out stay as they are; {@code stock} sets the
	 * stock, {@code restock} adds to it.
	 *
	 * @param name new name
	 * @param description new description
	 * @param price new price
	 * @param currency new currency
	 * @param stock stock to set
	 * @param restock stock to add
	 */
	record ChangeProductRequest(@Nullable @SingleLine @Size(min = 1, max = 200) String name,
			@Nullable @Size(max = 2000) String description,
			@Nullable @DecimalMin(value = "0.01", message = "must be greater than 0") @Digits(integer = 10,
					fraction = 2, message = "must have at most 2 decimals") @Schema(types = {
							"string", "number" }, example = "12.50") BigDecimal price,
			@Nullable @Currency String currency,
			@Nullable @PositiveOrZero @Max(value = Catalog.MAX_STOCK,
					message = "must be at most " + Catalog.MAX_STOCK) Integer stock,
			@Nullable @Min(1) @Max(1_000_000) Integer restock){
	}

}
