package dev.shopfront.order.checkout.participants;

import java.io.IOException;
import java.math.BigDecimal;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * inventory-service's reservation API, as the saga's participant: a REST call with
 * connect and read timeouts, a bounded retry (the call is idempotent by order id) inside
 * a circuit breaker, and a SERVICE token from user-service (added by the RestClient's
 * OAuth 2 interceptor, cached until shortly before it expires).
 */
public class InventoryClient {

	private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);

	private final RestClient rest;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final JsonMapper json;

	private final OrderProperties.Inventory properties;

	public InventoryClient(RestClient rest, CircuitBreaker breaker, Retry retry, JsonMapper json,
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
	 * @return the outcome; never throws for an unreachable inventory-service
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
					return held(this.json.readValue(body, ReservationResponse.class));
				}
				if (status.value() == 409 && body.length > 0) {
					Problem problem = this.json.readValue(body, Problem.class);
					if (problem.unavailable() != null) {
						return new Reservation.ShortStock(problem.unavailable());
					}
				}
				if (status.value() == 422 && body.length > 0) {
					Problem problem = this.json.readValue(body, Problem.class);
					return new Reservation.UnknownProducts(String.valueOf(problem.detail()));
				}
				// 5xx (worth another attempt); 401/403 (token), 409 reservation-conflict:
				// nothing
				// the customer can fix
				throw new InventoryFailure("inventory-service answered " + status.value(), status.is5xxServerError());
			}, true);
	}

	private static Reservation held(ReservationResponse response) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		response.items().forEach((line) -> prices.put(line.sku(), new BigDecimal(line.unitPrice())));
		List<String> currencies = response.items().stream().map(ReservationResponse.Line::currency).distinct().toList();
		return new Reservation.Held(prices, currencies);
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

	record ReservationResponse(UUID orderId, String status, List<Line> items) {

		record Line(String sku, int quantity, String unitPrice, String currency) {
		}

	}

	record Problem(@Nullable String type, @Nullable String detail, @Nullable List<Reservation.Shortage> unavailable) {
	}

}
