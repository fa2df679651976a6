package dev.shopfront.migrationsync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.migrationsync.reconciliation.Reconciliation;
import dev.shopfront.migrationsync.reconciliation.ReconciliationReport;
import dev.shopfront.testsupport.EventSchemas;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.LogicalPostgres;
import dev.shopfront.testsupport.TestDatabase;
import dev.shopfront.testsupport.WithTestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Change data capture and reconciliation against real servers: a PostgreSQL with logical
 * decoding for the monolith (a private cluster here, a container with Docker), the test's
 * own database for the service's side and its own RabbitMQ virtual host. The monolith's
 * rows written before the capture started arrive as its snapshot, later writes in the
 * order of the log; changes made while no queue takes them, or while the capture is
 * stopped, arrive later, never lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestServers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationSyncIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String QUEUE = "test.legacy-catalog";

	private static final TestDatabase legacy = LogicalPostgres.get().createDatabase();

	private static final String PRODUCTS = """
			create table products (
			    sku varchar(32) primary key, name varchar(200) not null, description varchar(2000) not null default '',
			    category varchar(100), price numeric(12, 2) not null, currency varchar(3) not null,
			    stock integer not null, updated_at timestamptz not null default now())
			""";

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JsonMapper json;

	@Value("${spring.datasource.url}")
	String serviceUrl;

	@DynamicPropertySource
	static void databases(DynamicPropertyRegistry registry) throws IOException {
		JdbcClient monolith = jdbc(legacy.jdbcUrl());
		monolith.sql(PRODUCTS).update();
		// written before the capture starts: they arrive as its snapshot
		monolith
			.sql("insert into products (sku, name, price, currency, stock) values ('SNAP-1', 'Old lamp', 10.00, "
					+ "'EUR', 3), ('SNAP-2', 'Old desk', 120.50, 'EUR', 1)")
			.update();
		registry.add("shopfront.migration-sync.legacy.url", legacy::jdbcUrl);
		registry.add("shopfront.migration-sync.legacy.username", legacy::username);
		registry.add("shopfront.migration-sync.legacy.password", legacy::password);
		registry.add("shopfront.migration-sync.service.url", () -> "${spring.datasource.url}");
		registry.add("shopfront.migration-sync.service.username", () -> "${spring.datasource.username}");
		registry.add("shopfront.migration-sync.service.password", () -> "${spring.datasource.password}");
		Path offsets = Files.createTempDirectory("migration-sync-test").resolve("offsets.dat");
		registry.add("shopfront.migration-sync.capture.offsets", offsets::toString);
		registry.add("shopfront.migration-sync.capture.slot", () -> "slot_" + legacy.name());
		registry.add("shopfront.migration-sync.reconciliation.interval", () -> "1s");
	}

	private static JdbcClient jdbc(String url) {
		return JdbcClient.create(new DriverManagerDataSource(url, legacy.username(), legacy.password()));
	}

	private JdbcClient monolith() {
		return jdbc(legacy.jdbcUrl());
	}

	private JdbcClient service() {
		return JdbcClient.create(new DriverManagerDataSource(this.serviceUrl, "postgres", ""));
	}

	@BeforeAll
	static void noQueueYet() {
		// the capture started with the context and found no queue bound to its exchange:
		// the snapshot waits for one (see capturesTheSnapshotThenEveryChangeInOrder)
	}

	private void bindQueue() {
		this.rabbit.execute((channel) -> {
			channel.exchangeDeclare("legacy.catalog", "topic", true);
			channel.queueDeclare(QUEUE, true, false, false, null);
			channel.queueBind(QUEUE, "legacy.catalog", "legacy.product-changed");
			return null;
		});
	}

	/**
	 * Takes the next messages until one of the SKU has the given name (or is deleted).
	 */
	private List<JsonNode> takeUntil(List<JsonNode> taken, String sku, String name) {
		await().atMost(WAIT).until(() -> {
			Message message = this.rabbit.receive(QUEUE, 500);
			if (message != null) {
				String body = new String(message.getBody(), StandardCharsets.UTF_8);
				EventSchemas.assertValid("legacy.product-changed", 1, body);
				assertThat(message.getMessageProperties().getType()).isEqualTo("legacy.product-changed");
				assertThat((String) message.getMessageProperties().getHeader("cloudEvents:subject"))
					.isEqualTo(this.json.readTree(body).path("sku").asString());
				taken.add(this.json.readTree(body));
			}
			return taken.stream()
				.anyMatch((change) -> change.path("sku").asString().equals(sku)
						&& (change.path("name").asString("").equals(name)
								|| (name.isEmpty() && change.path("deleted").asBoolean())));
		});
		return taken;
	}

	@Test
	@Order(1)
	void capturesTheSnapshotThenEveryChangeInOrder() {
		// the snapshot was refused (no queue) and is kept until a queue takes it
		bindQueue();
		List<JsonNode> taken = takeUntil(new ArrayList<>(), "SNAP-2", "Old desk");
		takeUntil(taken, "SNAP-1", "Old lamp");
		assertThat(taken).extracting((change) -> change.path("sku").asString()).contains("SNAP-1", "SNAP-2");
		String sku = "CDC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		JdbcClient monolith = monolith();
		monolith.sql("insert into products (sku, name, price, currency, stock) values (?, 'Lamp', 19.90, 'EUR', 5)")
			.param(sku)
			.update();
		monolith.sql("update products set name = 'Lamp II', stock = 4 where sku = ?").param(sku).update();
		monolith.sql("update products set name = 'Lamp III', price = 21.00 where sku = ?").param(sku).update();
		monolith.sql("delete from products where sku = ?").param(sku).update();
		List<JsonNode> changes = new ArrayList<>();
		takeUntil(changes, sku, "");
		List<JsonNode> ofSku = changes.stream().filter((change) -> change.path("sku").asString().equals(sku)).toList();
		assertThat(ofSku).extracting((change) -> change.path("name").asString("-"))
			.containsExactly("Lamp", "Lamp II", "Lamp III", "-");
		assertThat(ofSku.get(2).path("price").asString()).isEqualTo("21.00");
		assertThat(ofSku.get(1).path("stock").asInt()).isEqualTo(4);
		assertThat(ofSku).extracting((change) -> change.path("position").asLong()).isSorted().doesNotHaveDuplicates();
	}

	@Test
	@Order(2)
	void aStoppedCaptureMissesNothingWhenItResumes() {
		bindQueue();
		String admin = JwtMinter.shared().admin();
		api().auth()
			.oauth2(admin)
			.body(Map.of("running", false))
			.put("/admin/capture")
			.then()
			.statusCode(200)
			.body("running", equalTo(false));
		String sku = "CDC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		monolith()
			.sql("insert into products (sku, name, price, currency, stock) values (?, 'Written while stopped', "
					+ "5.00, 'EUR', 1)")
			.param(sku)
			.update();
		api().auth().oauth2(admin).body(Map.of("running", true)).put("/admin/capture").then().statusCode(200);
		takeUntil(new ArrayList<>(), sku, "Written while stopped");
		api().auth().oauth2(admin).get("/admin/capture").then().statusCode(200).body("running", equalTo(true));
		api().auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.get("/admin/capture")
			.then()
			.statusCode(403);
		// a switch that does not say which way is refused, and changes nothing
		api().auth().oauth2(admin).body(Map.of()).put("/admin/capture").then().statusCode(400);
		api().auth().oauth2(admin).get("/admin/capture").then().statusCode(200).body("running", equalTo(true));
	}

	@Test
	@Order(3)
	void reconciliationCountsWhatDiffersUntilBothSidesAgree() {
		JdbcClient service = service();
		service.sql("""
				create table if not exists products (
				    sku varchar(32) primary key, name varchar(200) not null, description varchar(2000) not null,
				    category varchar(100), price numeric(12, 2) not null, currency varchar(3) not null,
				    available integer not null)
				""").update();
		service.sql("delete from products").update();
		JdbcClient monolith = monolith();
		monolith.sql("delete from products").update();
		monolith
			.sql("insert into products (sku, name, price, currency, stock, category) values "
					+ "('R-1', 'One', 1.00, 'EUR', 1, 'a'), ('R-2', 'Two', 2.00, 'EUR', 2, null), "
					+ "('R-3', 'Three', 3.00, 'EUR', 3, 'c')")
			.update();
		service
			.sql("insert into products (sku, name, description, category, price, currency, available) values "
					+ "('R-1', 'One', '', 'a', 1.00, 'EUR', 1), ('R-2', 'Two', '', null, 2.50, 'EUR', 2), "
					+ "('R-9', 'Nine', '', null, 9.00, 'EUR', 9)")
			.update();
		ReconciliationReport report = this.reconciliation.compare();
		assertThat(report.legacyRows()).isEqualTo(3);
		assertThat(report.serviceRows()).isEqualTo(3);
		assertThat(report.missingSkus()).containsExactly("R-3");
		assertThat(report.extraSkus()).containsExactly("R-9");
		assertThat(report.differingSkus()).containsExactly("R-2");
		assertThat(report.difference()).isEqualTo(3);
		String admin = JwtMinter.shared().admin();
		api().auth()
			.oauth2(admin)
			.get("/admin/reconciliation")
			.then()
			.statusCode(200)
			.body("difference", equalTo(3))
			.body("differingSkus[0]", equalTo("R-2"));
		service.sql("update products set price = 2.00 where sku = 'R-2'").update();
		service.sql("delete from products where sku = 'R-9'").update();
		service
			.sql("insert into products (sku, name, description, category, price, currency, available) values "
					+ "('R-3', 'Three', '', 'c', 3.00, 'EUR', 3)")
			.update();
		api().auth()
			.oauth2(admin)
			.get("/admin/reconciliation")
			.then()
			.statusCode(200)
			.body("difference", equalTo(0))
			.body("legacyRows", equalTo(3));
		// the scheduled comparison keeps the metric current
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.meters.get("shopfront.migration.reconciliation.difference")
				.tag("table", "products")
				.gauge()
				.value()).isZero());
		api().auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.get("/admin/reconciliation")
			.then()
			.statusCode(403);
		api().get("/admin/reconciliation").then().statusCode(401);
	}

	private io.restassured.specification.RequestSpecification api() {
		return RestAssured.given().port(this.port).contentType(ContentType.JSON);
	}

}
