package dev.shopfront.chassis.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.shopfront.chassis.config.ChassisProperties;
import dev.shopfront.chassis.messaging.MessagingTestApplication.Receiver;
import dev.shopfront.chassis.messaging.MessagingTestApplication.Widgets;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.WithTestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * The messaging backbone against real PostgreSQL and RabbitMQ: outbox written with the
 * state change and relayed with confirms, inbox, retries and parking, broker outages, a
 * relay that dies mid-batch, and two relays on one outbox.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopfront.chassis.messaging.consumer.retry-delays=200ms,400ms",
				"shopfront.chassis.messaging.relay.initial-backoff=50ms",
				"shopfront.chassis.messaging.relay.max-backoff=200ms", "spring.application.name=chassis-test",
				// operators' endpoints on their own port, as in every service
				"management.server.port=0" })
@WithTestServers
class MessagingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	Widgets widgets;

	@Autowired
	Receiver receiver;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxRelay relay;

	@Autowired
	Outbox outbox;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	ChassisProperties properties;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@BeforeEach
	void drainRawQueue() {
		while (this.rabbit.receive(MessagingTestApplication.RAW_QUEUE) != null) {
			// start every test with an empty raw queue
		}
	}

	@AfterEach
	void relayRuns() {
		if (!this.relay.isRunning()) {
			this.relay.start();
		}
	}

	@Test
	void deliversWhatCommitsAndNothingOfWhatRollsBack() {
		UUID committed = this.widgets.create(UUID.randomUUID(), "committed", false);
		assertThatIllegalStateException().isThrownBy(() -> this.widgets.create(UUID.randomUUID(), "rolled-back", true));
		UUID later = this.widgets.create(UUID.randomUUID(), "later", false);

		await().atMost(WAIT).until(() -> received(later.toString()) == 1);
		assertThat(received(committed.toString())).isOne();
		assertThat(this.jdbc.sql("select count(*) from received_widgets where name = 'rolled-back'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from outbox o join widgets w on o.subject = w.id::text "
					+ "where w.name = 'rolled-back'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void declaresTheExchangeOfATypeBeforeItsFirstMessage() {
		EventType gadgetMade = new EventType("gadget.events." + UUID.randomUUID(), "gadget.made", 1);
		String gadget = UUID.randomUUID().toString();
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((tx) -> this.outbox.publish(gadgetMade, gadget, Map.of("gadgetId", gadget)));
		// published and confirmed: to an exchange nobody had declared, it would not be
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("select count(*) from outbox where subject = ? and sent_at is not null")
				.param(gadget)
				.query(Long.class)
				.single() == 1);
		assertThatNoException().as("the exchange exists")
			.isThrownBy(() -> this.rabbit.execute((channel) -> channel.exchangeDeclarePassive(gadgetMade.exchange())));
	}

	@Test
	void refusesToWriteTheOutboxOutsideATransaction() {
		Outbox outbox = new Outbox(this.jdbc, ChassisMessagingAutoConfiguration.messageJson(), "/test",
				Clock.systemUTC(), () -> {
				});
		assertThatIllegalStateException()
			.isThrownBy(() -> new MessagingTestApplication.WidgetCreatedV1(UUID.randomUUID().toString(), "loose")
				.publishTo(outbox));
	}

	@Test
	void carriesTheEnvelopeAndTheWritersTraceContext() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String spanId = "00f067aa0ba902b7";
		UUID id = UUID.randomUUID();
		Span writer = Span.wrap(SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault()));
		try (Scope scope = Context.root().with(writer).makeCurrent()) {
			this.widgets.create(id, "traced", false);
		}
		Message message = rawMessage(id.toString());
		MessageProperties properties = message.getMessageProperties();
		assertThat(properties.getHeaders()).containsEntry("cloudEvents:specversion", "1.0")
			.containsEntry("cloudEvents:type", "widget.created")
			.containsEntry("cloudEvents:source", "/shopfront/chassis-test")
			.containsEntry("cloudEvents:subject", id.toString())
			.containsEntry("cloudEvents:dataschema", "https://shopfront.dev/events/widget.created/v1")
			.containsEntry("traceparent", "00-" + traceId + "-" + spanId + "-01");
		assertThat(properties.getMessageId()).isEqualTo(properties.getHeaders().get("cloudEvents:id"));
		assertThat(properties.getContentType()).isEqualTo("application/json");
		assertThat(new String(message.getBody())).contains("\"name\":\"traced\"").doesNotContain("exchange");
	}

	@Test
	void aRedeliveredDuplicateChangesNothing() {
		UUID id = this.widgets.create(UUID.randomUUID(), "once", false);
		Message copy = rawMessage(id.toString());
		this.rabbit.send(MessagingTestApplication.EXCHANGE, "widget.created", copy);
		this.rabbit.send(MessagingTestApplication.EXCHANGE, "widget.created", copy);
		UUID marker = this.widgets.create(UUID.randomUUID(), "marker", false);
		await().atMost(WAIT).until(() -> received(marker.toString()) == 1);
		assertThat(received(id.toString())).isOne();
	}

	@Test
	void aVersionTheConsumerDoesNotReadIsAcknowledgedAndSkipped() {
		String parking = MessagingTestApplication.QUEUE + ".dlq";
		long parkedBefore = parkedCount(parking);
		UUID id = this.widgets.create(UUID.randomUUID(), "versioned", false);
		Message v1 = rawMessage(id.toString());
		MessageProperties properties = v1.getMessageProperties();
		String v2Id = UUID.randomUUID().toString();
		properties.setMessageId(v2Id);
		properties.setHeader("cloudEvents:id", v2Id);
		properties.setHeader("cloudEvents:dataschema", EventEnvelope.dataschema("widget.created", 2));
		this.rabbit.send(MessagingTestApplication.EXCHANGE, "widget.created", new Message(v1.getBody(), properties));
		UUID marker = this.widgets.create(UUID.randomUUID(), "marker", false);
		await().atMost(WAIT).until(() -> received(marker.toString()) == 1);
		assertThat(received(id.toString())).as("version 1 handled, version 2 not").isOne();
		assertThat(parkedCount(parking)).as("skipped, not parked").isEqualTo(parkedBefore);
		assertThat(
				this.jdbc.sql("select count(*) from inbox where message_id = ?").param(v2Id).query(Long.class).single())
			.as("acknowledged through the inbox like any message")
			.isOne();
	}

	@Test
	void retriesWithTheConfiguredDelaysThenParksAndReplaysOnceFixed() {
		this.receiver.failing.add("poison");
		this.receiver.failedAt.clear();
		int callsBefore = this.receiver.calls.get();
		double parkedBefore = this.meters.counter("shopfront.messages.parked", "queue", MessagingTestApplication.QUEUE)
			.count();
		UUID id = this.widgets.create(UUID.randomUUID(), "poison", false);
		String parking = MessagingTestApplication.QUEUE + ".dlq";

		await().atMost(WAIT).until(() -> parkedCount(parking) == 1);
		assertThat(this.meters.counter("shopfront.messages.parked", "queue", MessagingTestApplication.QUEUE).count())
			.as("parked messages counted per queue")
			.isEqualTo(parkedBefore + 1);
		// the first delivery and one per retry delay (2), then parked
		assertThat(this.receiver.calls.get() - callsBefore).isEqualTo(3);
		// each retry waited at least its configured delay (200 ms, then 400 ms): the
		// broker's TTL
		List<Long> at = this.receiver.failedAt;
		assertThat(at).hasSize(3);
		assertThat(Duration.ofNanos(at.get(1) - at.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(Duration.ofNanos(at.get(2) - at.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(received(id.toString())).isZero();
		List<Map<String, Object>> parked = this.deadLetters.messages(parking, 10);
		assertThat(parked).singleElement().satisfies((message) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> headers = (Map<String, Object>) message.get("headers");
			assertThat(headers.get("x-shopfront-error").toString()).contains("cannot handle poison yet");
			assertThat(headers).containsEntry("x-shopfront-original-exchange", MessagingTestApplication.EXCHANGE)
				.containsEntry("cloudEvents:subject", id.toString());
		});
		// inspecting leaves the message parked
		await().atMost(WAIT).until(() -> parkedCount(parking) == 1);

		this.receiver.failing.remove("poison");
		RestAssured.given()
			.port(this.managementPort)
			.auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType("application/json")
			.post("/actuator/deadletters/" + parking + "/replay")
			.then()
			.statusCode(200)
			.body("replayed", equalTo(1))
			.body("replayedTo", equalTo(MessagingTestApplication.QUEUE));
		await().atMost(WAIT).until(() -> received(id.toString()) == 1);
		assertThat(parkedCount(parking)).isZero();
	}

	@Test
	void showsParkedMessagesToAdministratorsOnly() {
		String parking = MessagingTestApplication.QUEUE + ".dlq";
		RestAssured.given().port(this.managementPort).get("/actuator/deadletters").then().statusCode(401);
		RestAssured.given()
			.port(this.managementPort)
			.auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.get("/actuator/deadletters")
			.then()
			.statusCode(403);
		RestAssured.given()
			.port(this.managementPort)
			.auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/actuator/deadletters")
			.then()
			.statusCode(200)
			.body("parkingQueues", hasKey(parking));
		RestAssured.given()
			.port(this.managementPort)
			.auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/actuator/deadletters/" + parking)
			.then()
			.statusCode(200);
		RestAssured.given()
			.port(this.managementPort)
			.auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/actuator/deadletters/not-ours.dlq")
			.then()
			.statusCode(404);
	}

	@Test
	void purgesSentRowsAfterTheRetentionAndKeepsUnsentOnes() {
		this.relay.stop();
		UUID sent = this.widgets.create(UUID.randomUUID(), "old-sent", false);
		UUID unsent = this.widgets.create(UUID.randomUUID(), "old-unsent", false);
		this.jdbc.sql("update outbox set sent_at = now() - interval '8 days' where subject = ?")
			.param(sent.toString())
			.update();
		this.jdbc.sql("update outbox set created_at = now() - interval '8 days' where subject = ?")
			.param(unsent.toString())
			.update();
		assertThat(this.relay.purge()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from outbox where subject = ?")
			.param(sent.toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(unsent(List.of(unsent))).isOne();
	}

	@Test
	void parksAMessageItCannotReadAtOnce() {
		String parking = MessagingTestApplication.QUEUE + ".dlq";
		long before = parkedCount(parking);
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(UUID.randomUUID().toString());
		this.rabbit.send(MessagingTestApplication.EXCHANGE, "widget.created",
				new Message("not json".getBytes(), properties));
		await().atMost(WAIT).until(() -> parkedCount(parking) == before + 1);
		this.deadLetters.messages(parking, 200)
			.stream()
			.filter((message) -> properties.getMessageId().equals(message.get("messageId")))
			.findFirst()
			.ifPresentOrElse((message) -> assertThat(message.get("headers").toString()).contains("unreadable"),
					() -> assertThat(false).as("unreadable message parked").isTrue());
		drainParking(parking);
	}

	@Test
	void rowsWaitWhileTheBrokerIsDownAndAllArriveOnceItIsBack() {
		this.relay.stop();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(this.widgets.create(UUID.randomUUID(), "outage-" + i, false));
		}
		CachingConnectionFactory deadBroker = new CachingConnectionFactory("127.0.0.1", 1);
		deadBroker.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
		try {
			OutboxRelay cutOff = relay(new RabbitTemplate(deadBroker),
					new TransactionTemplate(this.transactionManager));
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(cutOff::relayBatch);
		}
		finally {
			deadBroker.destroy();
		}
		assertThat(unsent(ids)).as("rows wait while the broker is unreachable").isEqualTo(ids.size());
		assertThat(this.meters.get("shopfront.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(ids.size());
		assertThat(this.meters.get("shopfront.outbox.oldest.age").gauge().value()).isGreaterThan(0);
		assertThat(this.jdbc.sql("select min(attempts) from outbox where subject = ?")
			.param(ids.get(0).toString())
			.query(Integer.class)
			.single()).isOne();

		this.relay.start();
		await().atMost(WAIT).until(() -> unsent(ids) == 0);
		await().atMost(WAIT).until(() -> this.meters.get("shopfront.outbox.pending").gauge().value() == 0);
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> received(id.toString()) == 1));
	}

	@Test
	void aRelayKilledBetweenPublishAndMarkingPublishesAgainAndTheInboxAbsorbsIt() {
		this.relay.stop();
		UUID id = this.widgets.create(UUID.randomUUID(), "crash", false);
		OutboxRelay dying = relay(this.rabbit, new TransactionTemplate(new DiesBeforeCommit(this.transactionManager)));
		assertThatExceptionOfType(TransactionException.class).isThrownBy(dying::relayBatch);
		Message first = rawMessage(id.toString());
		assertThat(unsent(List.of(id))).as("not marked sent: the process died before commit").isOne();

		this.relay.start();
		Message second = rawMessage(id.toString());
		assertThat(second.getMessageProperties().getMessageId()).isEqualTo(first.getMessageProperties().getMessageId());
		await().atMost(WAIT).until(() -> unsent(List.of(id)) == 0);
		UUID marker = this.widgets.create(UUID.randomUUID(), "after-crash", false);
		await().atMost(WAIT).until(() -> received(marker.toString()) == 1);
		assertThat(received(id.toString())).isOne();
	}

	@Test
	void twoRelaysPublishEachRowOnceAndEachAggregateInOrder() throws Exception {
		this.relay.stop();
		List<UUID> aggregates = new ArrayList<>();
		for (int a = 0; a < 10; a++) {
			aggregates.add(UUID.randomUUID());
		}
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		Outbox outbox = new Outbox(this.jdbc, ChassisMessagingAutoConfiguration.messageJson(), "/test",
				Clock.systemUTC(), () -> {
				});
		for (int n = 0; n < 20; n++) {
			int sequence = n;
			transactions.executeWithoutResult((status) -> aggregates.forEach(
					(aggregate) -> new MessagingTestApplication.WidgetCreatedV1(aggregate.toString(), "seq-" + sequence)
						.publishTo(outbox)));
		}
		OutboxRelay one = relay(this.rabbit, transactions);
		OutboxRelay two = relay(this.rabbit, transactions);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> drain(one));
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> drain(two));
		first.get();
		second.get();

		Map<String, List<Integer>> sequences = new HashMap<>();
		Set<String> messageIds = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			Message message = this.rabbit.receive(MessagingTestApplication.RAW_QUEUE, WAIT.toMillis());
			assertThat(message).as("message %d of 200", i).isNotNull();
			assertThat(messageIds.add(message.getMessageProperties().getMessageId())).as("published once").isTrue();
			String body = new String(message.getBody());
			int sequence = Integer.parseInt(body.replaceAll(".*\"seq-(\\d+)\".*", "$1"));
			sequences
				.computeIfAbsent(message.getMessageProperties().getHeaders().get("cloudEvents:subject").toString(),
						(subject) -> new ArrayList<>())
				.add(sequence);
		}
		assertThat(this.rabbit.receive(MessagingTestApplication.RAW_QUEUE, 500)).as("nothing more").isNull();
		assertThat(sequences).hasSize(10);
		sequences.values().forEach((seen) -> assertThat(seen).isSorted().hasSize(20));
	}

	private void drain(OutboxRelay relay) {
		while (relay.relayBatch() > 0) {
			// until no row is left for this relay
		}
	}

	private OutboxRelay relay(RabbitTemplate rabbit, TransactionTemplate transactions) {
		ChassisProperties.Relay settings = this.properties.messaging().relay();
		ChassisProperties.Relay small = new ChassisProperties.Relay(true, settings.pollInterval(), 7,
				Duration.ofSeconds(2), settings.initialBackoff(), settings.maxBackoff(), settings.retention());
		return new OutboxRelay(this.jdbc, transactions, rabbit, small, Clock.systemUTC(), new SimpleMeterRegistry());
	}

	private Message rawMessage(String subject) {
		Message message;
		while ((message = this.rabbit.receive(MessagingTestApplication.RAW_QUEUE, WAIT.toMillis())) != null) {
			if (subject.equals(message.getMessageProperties().getHeaders().get("cloudEvents:subject"))) {
				return message;
			}
		}
		throw new AssertionError("no message about " + subject + " on " + MessagingTestApplication.RAW_QUEUE);
	}

	private long received(String subject) {
		return this.jdbc.sql("select count(*) from received_widgets where subject = ?")
			.param(subject)
			.query(Long.class)
			.single();
	}

	private int unsent(List<UUID> subjects) {
		return this.jdbc.sql("select count(*) from outbox where sent_at is null and subject = any(?)")
			.param(subjects.stream().map(UUID::toString).toArray(String[]::new))
			.query(Integer.class)
			.single();
	}

	private long parkedCount(String queue) {
		@SuppressWarnings("unchecked")
		Map<String, Object> queues = (Map<String, Object>) this.deadLetters.queues().get("parkingQueues");
		Object count = queues.get(queue);
		return (count instanceof Number number) ? number.longValue() : -1;
	}

	private void drainParking(String queue) {
		while (this.rabbit.receive(queue) != null) {
			// leave the parking queue empty for other tests
		}
	}

	/**
	 * A transaction manager whose commit never happens: the process died just before it.
	 */
	private record DiesBeforeCommit(PlatformTransactionManager delegate) implements PlatformTransactionManager {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			return this.delegate.getTransaction(definition);
		}

		@Override
		public void commit(TransactionStatus status) {
			this.delegate.rollback(status);
			throw new org.springframework.transaction.TransactionSystemException("killed before commit");
		}

		@Override
		public void rollback(TransactionStatus status) {
			this.delegate.rollback(status);
		}

	}

}
