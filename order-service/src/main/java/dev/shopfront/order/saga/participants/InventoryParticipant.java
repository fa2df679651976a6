package dev.shopfront.order.saga.participants;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.order.config.OrderProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * inventory-service's reservation API, as the saga's participant: a REST call with
 * connect and read timeouts, a bounded retry (the call is idempotent by order id) inside
 * a circuit breaker, and a SERVICE token from user-service (added by the RestClient's
 * OAuth 2 interceptor, cached until shortly before it expires).
 */
public class InventoryParticipant {

	private static final Logger log = LoggerFactory.getLogger(InventoryParticipant.class);

	private final RestClient rest;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final JsonMapper json;

	private final OrderProperties.Inventory properties;

	public InventoryParticipant(RestClient rest, CircuitBreaker breaker, Retry retry, JsonMapper json,
			OrderProperties.Inventory properties) {
		this.rest = rest;
		this.breaker = breaker;
		this.retry = retry;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Reserves the items for the order.
	 * @param orderId the order (the idempotency key at inventory-service)
	 * @param quantities units per SKU
	 * @return the outcome; never throws for an unreachable inventory-service, nor when
	 * user-service gives no SERVICE token (down, or refusing order-service's
	 * credentials): either way the reservation cannot be made now
	 */
	public Reservation reserve(UUID orderId, Map<String, Integer> quantities) {
		List<Item> items = quantities.entrySet().stream().map((e) -> new Item(e.getKey(), e.getValue())).toList();
		ReserveRequest request = new ReserveRequest(orderId, items);
		try {
			return this.breaker.executeSupplier(Retry.decorateSupplier(this.retry, () -> call(request)));
		}
		catch (CallNotPermittedException ex) {
			log.warn("Reservation for order {} not attempted: the inventory circuit breaker is open", orderId);
			return new Reservation.Unavailable("circuit breaker open", this.properties.openFor());
		}
		catch (InventoryFailure | RestClientException ex) {
			log.warn("Reservation for order {} failed: {}", orderId, ex.getMessage());
			return new Reservation.Unavailable(String.valueOf(ex.getMessage()), this.properties.openFor());
		}
		catch (OAuth2AuthorizationException ex) {
			log.warn("Reservation for order {} not attempted: no SERVICE token from user-service: {}", orderId,
					ex.getError());
			return new Reservation.Unavailable("no service token", this.properties.openFor());
		}
	}

	/**
	 * Asks inventory-service to release what it holds for a rejected order, or to make
	 * sure a reservation request for it that is still on its way reserves nothing
	 * (idempotent). {@code order.rejected} asks the same, eventually; this call settles
	 * it now.
	 * @param orderId the rejected order
	 * @return whether inventory-service confirmed it; false when it cannot be reached
	 */
	public boolean releaseRejected(UUID orderId) {
		try {
			return this.breaker.executeSupplier(Retry.decorateSupplier(this.retry,
					() -> this.rest.post()
						.uri("/internal/reservations/{orderId}/release", orderId)
						.exchange((req, response) -> {
							if (response.getStatusCode().is2xxSuccessful()) {
								return true;
							}
							throw new InventoryFailure("inventory-service answered " + response.getStatusCode().value(),
									response.getStatusCode().is5xxServerError());
						}, true)));
		}
		catch (CallNotPermittedException | InventoryFailure | RestClientException | OAuth2AuthorizationException ex) {
			log.warn("Releasing rejected order {} at inventory-service failed: {}", orderId, ex.getMessage());
			return false;
		}
	}

	private Reservation call(ReserveRequest request) {
		return this.rest.post()
			.uri("/internal/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange((req, response) -> {
				HttpStatusCode status = response.getStatusCode();
				byte[] body = response.getBody().readAllBytes();
				if (status.is2xxSuccessful()) {
					return held(request, read(body, ReservationResponse.class));
				}
				if (status.value() == 409 && body.length > 0) {
					Problem problem = read(body, Problem.class);
					if (problem.unavailable() != null) {
						return new Reservation.ShortStock(problem.unavailable());
					}
				}
				if (status.value() == 422 && body.length > 0) {
					Problem problem = read(body, Problem.class);
					return new Reservation.UnknownProducts(String.valueOf(problem.detail()));
				}
				// 5xx (worth another attempt); 401/403 (token), 409 reservation-conflict:
				// nothing
				// the customer can fix
				throw new InventoryFailure("inventory-service answered " + status.value(), status.is5xxServerError());
			}, true);
	}

	private <T> T read(byte[] body, Class<T> type) {
		try {
			return this.json.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw unusable("unreadable body (" + ex.getOriginalMessage() + ")");
		}
	}

	/**
	 * The reservation as the saga prices the order with: a price in cents and a currency
	 * for every SKU asked for. Anything else is a broken answer, which the saga must not
	 * take (it would price the order wrongly or fail half-way).
	 */
	private static Reservation held(ReserveRequest request, ReservationResponse response) {
		if (!"HELD".equals(response.status())) {
			throw unusable("status " + response.status());
		}
		if (response.items() == null) {
			throw unusable("no items");
		}
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		List<String> currencies = new ArrayList<>();
		for (ReservationResponse.Line line : response.items()) {
			if (line == null || line.sku() == null || line.unitPrice() == null || line.currency() == null
					|| !line.currency().matches("[A-Z]{3}")) {
				throw unusable("a line without SKU, price or currency");
			}
			BigDecimal price;
			try {
				price = new BigDecimal(line.unitPrice());
			}
			catch (NumberFormatException ex) {
				throw unusable("price of " + line.sku() + " is not a number");
			}
			if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2
					|| price.precision() - price.scale() > 10) {
				throw unusable("price of " + line.sku() + " is not an amount above 0 in cents");
			}
			prices.put(line.sku(), price);
			if (!currencies.contains(line.currency())) {
				currencies.add(line.currency());
			}
		}
		List<String> missing = request.items()
			.stream()
			.map(Item::sku)
			.filter((sku) -> !prices.containsKey(sku))
			.toList();
		if (!missing.isEmpty()) {
			throw unusable("no price for " + String.join(", ", missing));
		}
		return new Reservation.Held(prices, currencies);
	}

	private static InventoryFailure unusable(String what) {
		return new InventoryFailure("inventory-service answered with an unusable reservation: " + what, false);
	}

	/** inventory-service answered, but not with something the saga can use. */
	static class InventoryFailure extends RuntimeException {

		private final boolean worthRetrying;

		InventoryFailure(String message, boolean worthRetrying) {
			super(message);
			this.worthRetrying = worthRetrying;
		}

	}

	/** Whether a failed attempt is worth another (connection, timeout, 5xx). */
	static boolean isTransient(Throwable ex) {
		return ex instanceof ResourceAccessException || ex instanceof IOException
				|| (ex instanceof InventoryFailure failure && failure.worthRetrying);
	}

	record ReserveRequest(UUID orderId, List<Item> items) {
	}

	record Item(String sku, int quantity) {
	}

	record ReservationResponse(@Nullable UUID orderId, @Nullable String status, @Nullable List<@Nullable Line> items) {

		record Line(@Nullable String sku, int quantity, @Nullable String unitPrice, @Nullable String currency) {
		}

	}

	record Problem(@Nullable String type, @Nullable String detail, @Nullable List<Reservation.Shortage> unavailable) {
	}

}
