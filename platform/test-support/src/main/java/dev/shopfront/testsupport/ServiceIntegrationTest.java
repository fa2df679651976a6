package dev.shopfront.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * What a service's integration tests share, whatever the service: its own database and
 * virtual host ({@link WithTestServers}), its port, its database and broker as the
 * service sees them, and the outbox and parking queues looked at from outside. A
 * service's test base extends this and adds its {@code @SpringBootTest}.
 */
@WithTestServers
public abstract class ServiceIntegrationTest {

	/** How long a test waits for something asynchronous. */
	protected static final Duration WAIT = Duration.ofSeconds(20);

	/** What was taken from parking queues so far, by any test of this JVM. */
	private static final List<Message> parked = new CopyOnWriteArrayList<>();

	/** The service's port; 0 for a test that runs no web server. */
	@Value("${local.server.port:0}")
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected RabbitTemplate rabbit;

	/**
	 * The test's database, for a second instance of the service
	 * ({@link AnotherInstance}).
	 */
	@Autowired
	protected TestDatabase database;

	/** The test's virtual host, likewise. */
	@Autowired
	protected TestBroker broker;

	/**
	 * Waits until a message is in a parking queue (and keeps whatever else it takes from
	 * there for the tests that wait for those).
	 * @param queue the parking queue, e.g. {@code payment.payment-commands.dlq}
	 * @param messageId the message's id
	 * @return the parked copy
	 */
	protected Message awaitParked(String queue, String messageId) {
		return await().atMost(WAIT).until(() -> {
			Message message;
			while ((message = this.rabbit.receive(queue)) != null) {
				parked.add(message);
			}
			return parked.stream()
				.filter((copy) -> messageId.equals(copy.getMessageProperties().getMessageId()))
				.findFirst()
				.orElse(null);
		}, Objects::nonNull);
	}

	/**
	 * The outbox rows of a type about an aggregate, sent or not.
	 * @param subject the aggregate
	 * @param type the event type
	 * @return how many
	 */
	protected long outboxRows(Object subject, String type) {
		return this.jdbc.sql("select count(*) from outbox where subject = ? and type = ?")
			.params(subject.toString(), type)
			.query(Long.class)
			.single();
	}

}
