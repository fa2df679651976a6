package dev.shopfront.order.checkout.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.chassis.crypto.Digests;
import dev.shopfront.chassis.validation.SingleLine;
import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.order.checkout.IdempotencyKeys;
import dev.shopfront.order.checkout.IdempotencyKeys.Key;
import dev.shopfront.order.checkout.PlaceOrder;
import dev.shopfront.order.checkout.PlaceOrder.Claim;
import dev.shopfront.order.checkout.PlaceOrderCommand;
import dev.shopfront.order.checkout.PlacementResult;
import dev.shopfront.order.checkout.participants.Reservation;
import dev.shopfront.order.config.OrderProperties;
import dev.shopfront.order.order.CancelReason;
import dev.shopfront.order.order.ShippingAddress;
import dev.shopfront.order.order.web.OrderView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code POST /api/orders}: places an order, exactly once per {@code Idempotency-Key}.
 * The first request with a key places the order and stores its response; a repeat with
 * the same body gets that response (waiting while the first is still in flight), a repeat
 * with another body a 422. A response that says "try again" (503) frees the key, once
 * inventory-service confirms it holds nothing for the order that attempt started.
 */
@RestController
class CheckoutController {

	/** The header. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** Units of one SKU in one order, after lines of the same SKU are added up. */
	static final int MAX_UNITS_PER_SKU = 100;

	private final PlaceOrder placeOrder;

	private final IdempotencyKeys keys;

	private final JsonMapper json;

	private final Duration wait;

	private final Duration staleAfter;

	private final Duration retryAfter;

	CheckoutController(PlaceOrder placeOrder, IdempotencyKeys keys, JsonMapper json, OrderProperties properties) {
		this.placeOrder = placeOrder;
		this.keys = keys;
		this.json = json;
		this.wait = properties.repeatWait();
		this.staleAfter = properties.sweeper().reservingStaleAfter();
		this.retryAfter = properties.inventory().openFor();
	}

	@PostMapping("/api/orders")
	ResponseEntity<String> place(JwtAuthenticationToken authentication,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@Valid @RequestBody PlaceOrderRequest body, HttpServletRequest request) throws InterruptedException {
		if (key == null || key.isBlank()) {
			throw new MissingIdempotencyKeyException();
		}
		if (key.length() > 100 || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw new InvalidIdempotencyKeyException();
		}
		UUID userId = UUID.fromString(authentication.getToken().getSubject());
		PlaceOrderCommand command = body.toCommand(userId);
		String hash = hash(body);
		Instant giveUpWaiting = Instant.now().plus(this.wait);
		while (true) {
			Claim claim = this.placeOrder.start(key, hash, command);
			switch (claim) {
				case Claim.Started started -> {
					return respond(userId, key, this.placeOrder.reserve(started.orderId()), request);
				}
				case Claim.Retry retry -> {
					continue;
				}
				case Claim.Taken taken -> {
					Key existing = taken.key();
					if (!existing.requestHash().equals(hash)) {
						throw new IdempotencyKeyReusedException();
					}
					if (existing.isComplete()) {
						if (existing.responseStatus() >= 500) {
							// the first attempt was rejected because inventory-service
							// did not
							// answer: it may hold stock for it all the same. A new order
							// only
							// once inventory-service says it holds nothing for the first.
							if (!this.placeOrder.settleRejected(existing.orderId())) {
								return replay(existing);
							}
							this.keys.release(userId, key, existing.orderId());
							continue;
						}
						return replay(existing);
					}
					if (Instant.now().isAfter(existing.createdAt().plus(this.staleAfter))) {
						// the first request died with its instance before it stored its
						// answer:
						// the order's state answers (the sweeper finishes its saga)
						PlacementResult current = this.placeOrder.current(existing.orderId());
						if (!(current instanceof PlacementResult.InFlight)) {
							return respond(userId, key, current, request);
						}
					}
					if (Instant.now().isAfter(giveUpWaiting)) {
						throw new RequestInProgressException();
					}
					Thread.sleep(50);
				}
			}
		}
	}

	private ResponseEntity<String> respond(UUID userId, String key, PlacementResult result,
			HttpServletRequest request) {
		ResponseEntity<String> response = render(result, request);
		this.keys.complete(userId, key, response.getStatusCode().value(), String.valueOf(response.getBody()));
		return response;
	}

	private ResponseEntity<String> render(PlacementResult result, HttpServletRequest request) {
		UUID orderId = result.order().id();
		return switch (result) {
			case PlacementResult.Accepted accepted -> ResponseEntity.created(URI.create("/api/orders/" + orderId))
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.json.writeValueAsString(OrderView.of(accepted.order())));
			case PlacementResult.Rejected rejected -> problem(rejected(rejected), orderId, request, null);
			case PlacementResult.Unavailable unavailable -> problem(
					Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "inventory-unavailable", "Inventory unavailable",
							"Stock could not be reserved right now; nothing was charged. Try again later."),
					orderId, request, unavailable.retryAfter());
			case PlacementResult.InFlight inFlight -> throw new RequestInProgressException();
		};
	}

	private static ProblemDetail rejected(PlacementResult.Rejected rejected) {
		return switch (rejected.cause()) {
			case Reservation.ShortStock shortStock -> {
				ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "insufficient-stock",
						"Insufficient stock", "Not enough stock for " + shortStock.unavailable().size()
								+ " item(s); the order was rejected and nothing was charged.");
				problem.setProperty("unavailable", shortStock.unavailable());
				yield problem;
			}
			case Reservation.UnknownProducts unknown -> Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
					"unknown-product", "Unknown product", unknown.detail());
			case Reservation.Held held -> Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "mixed-currencies",
					"Mixed currencies", "The items are priced in " + String.join(", ", held.currencies())
							+ "; an order is paid in one currency.");
			case null, default -> (CancelReason.TOTAL_TOO_LARGE.name().equals(rejected.order().reason())) ? Problems
				.problem(HttpStatus.UNPROCESSABLE_CONTENT, "order-total-too-large", "Order total too large",
						"The order would cost more than " + dev.shopfront.order.order.Order.MAX_TOTAL.toPlainString()
								+ "; order fewer units or split the order. Nothing was charged.")
					: Problems.problem(HttpStatus.CONFLICT, "order-rejected", "Order rejected",
							"The order was rejected: " + rejected.order().reason() + ".");
		};
	}

	private ResponseEntity<String> problem(ProblemDetail problem, UUID orderId, HttpServletRequest request,
			@Nullable Duration retryAfter) {
		problem.setProperty("orderId", orderId);
		ProblemWriter.complete(request, problem);
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfter != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return builder.body(this.json.writeValueAsString(ProblemWriter.asMap(problem)));
	}

	private ResponseEntity<String> replay(Key key) {
		int status = key.responseStatus();
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
			.contentType((status < 300) ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
			.header("Idempotent-Replayed", "true");
		if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.retryAfter.toSeconds())));
		}
		if (status == HttpStatus.CREATED.value()) {
			builder.location(URI.create("/api/orders/" + key.orderId()));
		}
		return builder.body(String.valueOf(key.responseBody()));
	}

	private String hash(PlaceOrderRequest body) {
		return Digests.sha256Hex(this.json.writeValueAsString(body));
	}

	/**
	 * The body of {@code POST /api/orders}.
	 *
	 * @param items what to order (at most 50 lines; a SKU listed twice is merged)
	 * @param shippingAddress where to ship; the account's default address when absent
	 * @param payment how to pay
	 */
	record PlaceOrderRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items,
			@Valid @Nullable Address shippingAddress, @Valid @NotNull Payment payment) {

		PlaceOrderCommand toCommand(UUID userId) {
			Map<String, Integer> quantities = new LinkedHashMap<>();
			this.items.forEach((item) -> quantities.merge(item.sku(), item.quantity(), Integer::sum));
			List<String> overLimit = quantities.entrySet()
				.stream()
				.filter((e) -> e.getValue() > MAX_UNITS_PER_SKU)
				.map((e) -> e.getKey() + ": " + e.getValue() + " units in all")
				.toList();
			if (!overLimit.isEmpty()) {
				throw new TooManyUnitsException(overLimit);
			}
			ShippingAddress address = (this.shippingAddress != null) ? this.shippingAddress.toAddress() : null;
			return new PlaceOrderCommand(userId, quantities, address, this.payment.cardToken());
		}

		/**
		 * A line.
		 *
		 * @param sku the product
		 * @param quantity units, 1 to 100
		 */
		record Item(@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,31}") String sku,
				@NotNull @Min(1) @Max(100) Integer quantity) {
		}

		/**
		 * A shipping address.
		 *
		 * @param line1 street and number
		 * @param line2 second line
		 * @param city city
		 * @param postalCode postal code
		 * @param country ISO 3166-1 alpha-2, upper case
		 */
		record Address(@NotBlank @SingleLine @Size(max = 200) String line1,
				@SingleLine @Size(max = 200) @Nullable String line2, @NotBlank @SingleLine @Size(max = 100) String city,
				@NotBlank @SingleLine @Size(max = 20) String postalCode,
				@NotNull @Pattern(regexp = "[A-Z]{2}") String country) {

			ShippingAddress toAddress() {
				return new ShippingAddress(this.line1.strip(), (this.line2 != null) ? this.line2.strip() : null,
						this.city.strip(), this.postalCode.strip(), this.country);
			}

		}

		/**
		 * How to pay.
		 *
		 * @param cardToken the payment provider's card token
		 */
		record Payment(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+") String cardToken) {

			@Override
			public String toString() {
				return "Payment[cardToken=***]";
			}

		}

	}

	/**
	 * A SKU listed more than once adds up to more units than one line may hold.
	 */
	static class TooManyUnitsException extends RuntimeException {

		private final List<String> skus;

		TooManyUnitsException(List<String> skus) {
			super("A product may be ordered at most " + MAX_UNITS_PER_SKU
					+ " units at a time; lines of the same SKU are added up.");
			this.skus = skus;
		}

	}

	/** The request has no Idempotency-Key. */
	static class MissingIdempotencyKeyException extends RuntimeException {

		MissingIdempotencyKeyException() {
			super("POST /api/orders needs an Idempotency-Key header (any unique string up to 100 characters, "
					+ "a UUID for example); repeat it when you retry the same order.");
		}

	}

	/** The Idempotency-Key is too long or not printable ASCII. */
	static class InvalidIdempotencyKeyException extends RuntimeException {

		InvalidIdempotencyKeyException() {
			super("The Idempotency-Key must be 1 to 100 printable ASCII characters without spaces.");
		}

	}

	/** The key was used before with another body. */
	static class IdempotencyKeyReusedException extends RuntimeException {

		IdempotencyKeyReusedException() {
			super("This Idempotency-Key was already used for a different order; use a new key for a new order.");
		}

	}

	/** The first request with the key has not finished. */
	static class RequestInProgressException extends RuntimeException {

		RequestInProgressException() {
			super("An order with this Idempotency-Key is still being placed; repeat the request in a moment.");
		}

	}

	/** Maps the idempotency errors to problems. */
	@RestControllerAdvice(assignableTypes = CheckoutController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class CheckoutProblems {

		@ExceptionHandler
		ProblemDetail tooManyUnits(TooManyUnitsException ex) {
			ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
					ex.getMessage());
			problem.setProperty("errors",
					ex.skus.stream()
						.map((sku) -> Map.of("field", "items", "message", sku + ", more than " + MAX_UNITS_PER_SKU))
						.toList());
			return problem;
		}

		@ExceptionHandler
		ProblemDetail missingKey(MissingIdempotencyKeyException ex) {
			return Problems.problem(HttpStatus.BAD_REQUEST, "idempotency-key-required", "Idempotency-Key required",
					ex.getMessage());
		}

		@ExceptionHandler
		ProblemDetail invalidKey(InvalidIdempotencyKeyException ex) {
			return Problems.problem(HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Invalid Idempotency-Key",
					ex.getMessage());
		}

		@ExceptionHandler
		ProblemDetail reused(IdempotencyKeyReusedException ex) {
			return Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"Idempotency-Key reused", ex.getMessage());
		}

		@ExceptionHandler
		ResponseEntity<ProblemDetail> inProgress(RequestInProgressException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.header(HttpHeaders.RETRY_AFTER, "1")
				.body(Problems.problem(HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
						ex.getMessage()));
		}

	}

}
