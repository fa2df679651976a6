package dev.shopfront.order.saga.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.shopfront.chassis.openapi.ProblemResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import dev.shopfront.chassis.crypto.Digests;
import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.order.config.OrderProperties;
import dev.shopfront.order.lifecycle.CancelReason;
import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.lifecycle.web.OrderView;
import dev.shopfront.order.saga.PlaceOrder;
import dev.shopfront.order.saga.PlaceOrderCommand;
import dev.shopfront.order.saga.PlacementResult;
import dev.shopfront.order.saga.idempotency.IdempotencyKeyException;
import dev.shopfront.order.saga.idempotency.IdempotencyKeys.Key;
import dev.shopfront.order.saga.idempotency.IdempotentRequests;
import dev.shopfront.order.saga.participants.Reservation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders}: places an order, exactly once per {@code Idempotency-Key}
 * ({@link IdempotentRequests} keeps the protocol, {@link PlaceOrder} the use case). This
 * class keeps HTTP: the result as a response, stored under the key as sent, and a stored
 * response replayed.
 */
@RestController
class PlaceOrderController {

	/** The header. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final PlaceOrder placeOrder;

	private final IdempotentRequests requests;

	private final JsonMapper json;

	private final Duration retryAfter;

	PlaceOrderController(PlaceOrder placeOrder, IdempotentRequests requests, JsonMapper json,
			OrderProperties properties) {
		this.placeOrder = placeOrder;
		this.requests = requests;
		this.json = json;
		this.retryAfter = properties.inventory().openFor();
	}

	/**
	 * Places an order: reserves its stock at once and answers 201 with the order PENDING;
	 * payment follows in the background (read the order to see it CONFIRMED or REJECTED).
	 * The same Idempotency-Key with the same body answers the first answer again, with
	 * {@code Idempotent-Replayed: true}.
	 */
	@PostMapping("/api/orders")
	@ApiResponse(responseCode = "201", description = "Placed, PENDING; `Location` is the order's address",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
	@ProblemResponse(status = 400, type = "idempotency-key-required", title = "Idempotency-Key required",
			when = "the `Idempotency-Key` header is missing")
	@ProblemResponse(status = 400, type = "idempotency-key-invalid", title = "Invalid Idempotency-Key",
			when = "the `Idempotency-Key` is longer than 100 characters or not printable ASCII")
	@ProblemResponse(status = 409, type = "insufficient-stock", title = "Insufficient stock",
			when = "an item is short; `unavailable` lists each with what was asked and what is available, "
					+ "`orderId` the rejected order; nothing was charged")
	@ProblemResponse(status = 409, type = "order-rejected", title = "Order rejected",
			when = "a repeat of a placement whose order was rejected, when the first answer was lost")
	@ProblemResponse(status = 409, type = "request-in-progress", title = "Request in progress",
			when = "the first request with this key is still running; `Retry-After` says when to ask again")
	@ProblemResponse(status = 422, type = "unknown-product", title = "Unknown product",
			when = "an item names a SKU the catalog does not have")
	@ProblemResponse(status = 422, type = "mixed-currencies", title = "Mixed currencies",
			when = "the products are priced in more than one currency")
	@ProblemResponse(status = 422, type = "order-total-too-large", title = "Order total too large",
			when = "the order would cost more than 9,999,999,999.99; it is REJECTED and nothing is charged")
	@ProblemResponse(status = 422, type = "shipping-address-required", title = "Shipping address required",
			when = "no `shippingAddress` and the account has no default address")
	@ProblemResponse(status = 422, type = "idempotency-key-reused", title = "Idempotency-Key reused",
			when = "the key was used before with a different body")
	@ProblemResponse(status = 503, type = "inventory-unavailable", title = "Inventory unavailable",
			when = "inventory-service cannot be reached; the order is REJECTED, nothing is charged, and a retry "
					+ "with the same key places it anew")
	ResponseEntity<String> placeOrder(JwtAuthenticationToken authentication,
			@Parameter(required = true,
					description = "Any unique text of up to 100 printable ASCII characters, "
							+ "e.g. a UUID; the same key with the same body answers the first answer again",
					example = "4f7a0c1e-9f0b-4d55-a2de-7b1f6c1f0e21") @RequestHeader(name = IDEMPOTENCY_KEY,
							required = false) @Nullable String header,
			@Valid @RequestBody PlaceOrderRequest body, HttpServletRequest request) throws InterruptedException {
		String key = IdempotentRequests.requireValid(header);
		UUID userId = UUID.fromString(authentication.getToken().getSubject());
		PlaceOrderCommand command = body.toCommand(userId);
		String hash = Digests.sha256Hex(this.json.writeValueAsString(body));
		return switch (this.requests.handle(hash, this.placeOrder.attempts(key, hash, command))) {
			case IdempotentRequests.Outcome.Fresh<PlacementResult> fresh -> {
				ResponseEntity<String> response = render(fresh.result(), request);
				this.placeOrder.remember(userId, key, response.getStatusCode().value(),
						String.valueOf(response.getBody()));
				yield response;
			}
			case IdempotentRequests.Outcome.Replay<PlacementResult> replay -> replay(replay.key());
		};
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
			case PlacementResult.InFlight inFlight ->
				throw new IdempotencyKeyException(IdempotencyKeyException.Kind.IN_PROGRESS);
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
			case null,
					default ->
				(CancelReason.TOTAL_TOO_LARGE.name().equals(rejected.order().reason()))
						? Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "order-total-too-large",
								"Order total too large",
								"The order would cost more than " + Order.MAX_TOTAL.toPlainString()
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
			builder.header(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
		}
		return builder.body(this.json.writeValueAsString(ProblemWriter.asMap(problem)));
	}

	private ResponseEntity<String> replay(Key key) {
		int status = Objects.requireNonNull(key.responseStatus(), "a replayed key has its answer");
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
			.contentType((status < 300) ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
			.header("Idempotent-Replayed", "true");
		if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			builder.header(HttpHeaders.RETRY_AFTER, seconds(this.retryAfter));
		}
		if (status == HttpStatus.CREATED.value()) {
			builder.location(URI.create("/api/orders/" + key.orderId()));
		}
		return builder.body(String.valueOf(key.responseBody()));
	}

	private static String seconds(Duration duration) {
		return Long.toString(Math.max(1, duration.toSeconds()));
	}

}
