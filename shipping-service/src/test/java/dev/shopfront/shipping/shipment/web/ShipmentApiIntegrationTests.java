package dev.shopfront.shipping.shipment.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shopfront.shipping.ShippingServiceIntegrationTest;
import dev.shopfront.testsupport.EventSchemas;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ProblemAssertions;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;

import static dev.shopfront.testsupport.ProblemAssertions.assertInvalid;
import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * The shipment API: administrators dispatch and deliver a shipment, each step once and in
 * turn, announced on {@code shipping.events}; the customer who placed the order and
 * administrators see its shipment, anyone else gets a 404, an order without one an empty
 * list.
 */
class ShipmentApiIntegrationTests extends ShippingServiceIntegrationTest {

	private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

	private final UUID customer = UUID.randomUUID();

	private RequestSpecification as(String token) {
		return RestAssured.given().port(this.port).auth().oauth2(token);
	}

	private RequestSpecification asAdmin() {
		return as(JwtMinter.shared().admin());
	}

	private RequestSpecification asCustomer() {
		return as(JwtMinter.shared().customer(this.customer));
	}

	private Response dispatch(UUID shipment) {
		return asAdmin().post("/api/shipments/" + shipment + "/dispatch");
	}

	private Response deliver(UUID shipment) {
		return asAdmin().post("/api/shipments/" + shipment + "/deliver");
	}

	@Test
	void anAdministratorDispatchesThenDeliversAndEachStepIsAnnouncedOnce() throws IOException {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		String trackingNumber = this.jdbc.sql("select tracking_number from shipments where id = ?")
			.param(shipment)
			.query(String.class)
			.single();

		Response dispatched = dispatch(shipment);
		dispatched.then()
			.statusCode(200)
			.contentType("application/json")
			.body("id", equalTo(shipment.toString()))
			.body("orderId", equalTo(order.toString()))
			.body("trackingNumber", equalTo(trackingNumber))
			.body("status", equalTo("DISPATCHED"))
			.body("shippingAddress.city", equalTo("Berlin"))
			.body("createdAt", matchesPattern(ISO_INSTANT))
			.body("dispatchedAt", matchesPattern(ISO_INSTANT))
			.body("deliveredAt", nullValue());
		Message dispatchedEvent = awaitEvents(order, 1).get(0);
		assertThat(type(dispatchedEvent)).isEqualTo("shipment.dispatched");
		JsonNode data = data(dispatchedEvent);
		assertThat(data.get("shipmentId").asText()).isEqualTo(shipment.toString());
		assertThat(data.get("orderId").asText()).isEqualTo(order.toString());
		assertThat(data.get("userId").asText()).isEqualTo(this.customer.toString());
		assertThat(data.get("trackingNumber").asText()).isEqualTo(trackingNumber);
		assertThat(Instant.parse(data.get("dispatchedAt").asText()))
			.isEqualTo(Instant.parse(dispatched.path("dispatchedAt")));

		Response delivered = deliver(shipment);
		delivered.then()
			.statusCode(200)
			.body("status", equalTo("DELIVERED"))
			.body("dispatchedAt", equalTo(dispatched.path("dispatchedAt")))
			.body("deliveredAt", matchesPattern(ISO_INSTANT));
		Message deliveredEvent = awaitEvents(order, 2).get(1);
		assertThat(type(deliveredEvent)).isEqualTo("shipment.delivered");
		data = data(deliveredEvent);
		assertThat(data.get("shipmentId").asText()).isEqualTo(shipment.toString());
		assertThat(data.get("userId").asText()).isEqualTo(this.customer.toString());
		assertThat(data.get("trackingNumber").asText()).isEqualTo(trackingNumber);
		assertThat(Instant.parse(data.get("deliveredAt").asText()))
			.isEqualTo(Instant.parse(delivered.path("deliveredAt")));

		asCustomer().get("/api/shipments?orderId=" + order)
			.then()
			.statusCode(200)
			.body("[0].status", equalTo("DELIVERED"))
			.body("[0].dispatchedAt", equalTo(dispatched.path("dispatchedAt")))
			.body("[0].deliveredAt", equalTo(delivered.path("deliveredAt")));
		assertThat(outboxRows(order, "shipment.dispatched")).isOne();
		assertThat(outboxRows(order, "shipment.delivered")).isOne();
	}

	@Test
	void aShipmentIsNotDispatchedTwice() {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		dispatch(shipment).then().statusCode(200);
		assertProblem(dispatch(shipment).then(), 409, "shipment-not-dispatchable")
			.body("shipmentId", equalTo(shipment.toString()))
			.body("shipmentStatus", equalTo("DISPATCHED"));
		awaitEvents(order, 1);
		assertThat(outboxRows(order, "shipment.dispatched")).isOne();
	}

	@Test
	void aShipmentIsNotDeliveredBeforeItIsDispatchedNorTwice() {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		assertProblem(deliver(shipment).then(), 409, "shipment-not-deliverable").body("shipmentStatus",
				equalTo("CREATED"));
		assertThat(status(shipment)).isEqualTo("CREATED");
		dispatch(shipment).then().statusCode(200);
		deliver(shipment).then().statusCode(200);
		assertProblem(deliver(shipment).then(), 409, "shipment-not-deliverable").body("shipmentStatus",
				equalTo("DELIVERED"));
		assertProblem(dispatch(shipment).then(), 409, "shipment-not-dispatchable").body("shipmentStatus",
				equalTo("DELIVERED"));
		awaitEvents(order, 2);
		assertThat(outboxRows(order, "shipment.delivered")).isOne();
	}

	@Test
	void aCancelledShipmentIsNotDispatched() {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		send(cancelled(order, this.customer));
		await().atMost(WAIT).until(() -> status(shipment).equals("CANCELLED"));
		assertProblem(dispatch(shipment).then(), 409, "shipment-not-dispatchable").body("shipmentStatus",
				equalTo("CANCELLED"));
		assertProblem(deliver(shipment).then(), 409, "shipment-not-deliverable").body("shipmentStatus",
				equalTo("CANCELLED"));
		asCustomer().get("/api/shipments?orderId=" + order)
			.then()
			.statusCode(200)
			.body("[0].status", equalTo("CANCELLED"))
			.body("[0].dispatchedAt", nullValue());
		assertThat(outboxRows(order, "shipment.dispatched")).isZero();
	}

	@Test
	void administratorsDispatchingAtOnceDispatchOnce() throws Exception {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		List<Callable<Integer>> requests = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			requests.add(() -> dispatch(shipment).statusCode());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> status : executor.invokeAll(requests)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).containsOnly(200, 409).filteredOn((status) -> status == 200).hasSize(1);
		awaitEvents(order, 1);
		assertThat(outboxRows(order, "shipment.dispatched")).isOne();
	}

	@Test
	void anUnknownShipmentIsNotFound() {
		UUID unknown = UUID.randomUUID();
		assertProblem(dispatch(unknown).then(), 404, "not-found");
		assertProblem(deliver(unknown).then(), 404, "not-found");
	}

	@Test
	void theShipmentIdMustBeAUuid() {
		assertInvalid(asAdmin().post("/api/shipments/42/dispatch").then(), "id").body("errors[0].message",
				equalTo("must be a UUID"));
	}

	@Test
	void onlyAdministratorsMoveShipmentsOn() {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		for (String token : List.of(JwtMinter.shared().customer(this.customer),
				JwtMinter.shared().service("order-service"))) {
			assertProblem(as(token).post("/api/shipments/" + shipment + "/dispatch").then(), 403, "forbidden");
			assertProblem(as(token).post("/api/shipments/" + shipment + "/deliver").then(), 403, "forbidden");
		}
		assertProblem(RestAssured.given().port(this.port).post("/api/shipments/" + shipment + "/dispatch").then(), 401,
				"unauthorized");
		assertThat(status(shipment)).isEqualTo("CREATED");
		assertThat(outboxRows(order, "shipment.dispatched")).isZero();
	}

	@Test
	void theCustomerSeesTheOrdersShipment() {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		asCustomer().get("/api/shipments?orderId=" + order)
			.then()
			.statusCode(200)
			.contentType("application/json")
			.body("", hasSize(1))
			.body("[0].id", equalTo(shipment.toString()))
			.body("[0].orderId", equalTo(order.toString()))
			.body("[0].trackingNumber", matchesPattern("SF[A-Z0-9]{10}"))
			.body("[0].status", equalTo("CREATED"))
			.body("[0].shippingAddress.line1", equalTo("1 Demo Street"))
			.body("[0].shippingAddress.line2", equalTo("Backyard"))
			.body("[0].shippingAddress.city", equalTo("Berlin"))
			.body("[0].shippingAddress.postalCode", equalTo("10115"))
			.body("[0].shippingAddress.country", equalTo("DE"))
			.body("[0].createdAt", matchesPattern(ISO_INSTANT))
			.body("[0].dispatchedAt", nullValue())
			.body("[0].deliveredAt", nullValue())
			.body("[0].cancelledAt", nullValue());
	}

	@Test
	void anotherCustomersShipmentIsNotFoundButAnAdministratorSeesIt() {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.customer);
		assertProblem(as(JwtMinter.shared().customer(UUID.randomUUID())).get("/api/shipments?orderId=" + order).then(),
				404, "not-found");
		assertProblem(as(JwtMinter.shared().service("order-service")).get("/api/shipments?orderId=" + order).then(),
				404, "not-found");
		asAdmin().get("/api/shipments?orderId=" + order)
			.then()
			.statusCode(200)
			.body("", hasSize(1))
			.body("[0].id", equalTo(shipment.toString()));
	}

	@Test
	void anOrderWithoutAShipmentHasNone() {
		asCustomer().get("/api/shipments?orderId=" + UUID.randomUUID()).then().statusCode(200).body("", hasSize(0));
		asAdmin().get("/api/shipments?orderId=" + UUID.randomUUID()).then().statusCode(200).body("", hasSize(0));
	}

	@Test
	void theOrderIdMustBeAUuid() {
		assertInvalid(asCustomer().get("/api/shipments?orderId=42").then(), "orderId").body("errors[0].message",
				equalTo("must be a UUID"));
		assertInvalid(asCustomer().get("/api/shipments").then(), "orderId");
	}

	@Test
	void needsAValidToken() {
		ProblemAssertions.assertNeedsAValidToken(this.port, "/api/shipments?orderId=" + UUID.randomUUID());
	}

	@Test
	void theShipmentSchemasRefuseDataThatBreaksThem() {
		String valid = """
				{"shipmentId": "%s", "orderId": "%s", "userId": "%s", "trackingNumber": "SF0123456789",
				 "dispatchedAt": "2026-11-26T08:00:00Z", "deliveredAt": "2026-11-27T14:00:00Z"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		assertThat(EventSchemas.violations("shipment.dispatched", 1, valid)).isEmpty();
		assertThat(EventSchemas.violations("shipment.delivered", 1, valid)).isEmpty();
		assertThat(EventSchemas.violations("shipment.dispatched", 1, valid.replace("SF0123456789", "sf0123456789")))
			.isNotEmpty();
		assertThat(
				EventSchemas.violations("shipment.dispatched", 1, valid.replace("2026-11-26T08:00:00Z", "yesterday")))
			.isNotEmpty();
		assertThat(EventSchemas.violations("shipment.delivered", 1, """
				{"shipmentId": "%s", "orderId": "%s", "userId": "%s", "trackingNumber": "SF0123456789"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()))).isNotEmpty();
		assertThat(EventSchemas.violations("shipment.delivered", 1, """
				{"shipmentId": "x", "orderId": "%s", "userId": "%s", "trackingNumber": "SF0123456789",
				 "deliveredAt": "2026-11-27T14:00:00Z"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID()))).isNotEmpty();
	}

}
