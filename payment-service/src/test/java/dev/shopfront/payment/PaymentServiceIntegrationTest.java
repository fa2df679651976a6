package dev.shopfront.payment;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shopfront.payment.provider.Charge;
import dev.shopfront.payment.provider.PaymentProvider;
import dev.shopfront.payment.provider.ProviderDecision;
import dev.shopfront.testsupport.PublishedEvents;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import dev.shopfront.testsupport.TestEvents;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service on a random port against its own fresh database and virtual host. It
 * takes commands the way order-service sends them (CloudEvents binary mode on
 * {@code payment.commands}); everything it publishes on {@code payment.events} is
 * recorded, checked against its schema. The provider is the simulated one, counted. Every
 * integration test class extends this, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"shopfront.payment.provider.slow-delay=" + PaymentServiceIntegrationTest.SLOW_DELAY_MILLIS + "ms",
				"shopfront.chassis.messaging.consumer.retry-delays=100ms,200ms" })
@Import(PaymentServiceIntegrationTest.Plumbing.class)
public abstract class PaymentServiceIntegrationTest extends ServiceIntegrationTest {

	/** How long {@code tok_slow} takes here. */
	protected static final long SLOW_DELAY_MILLIS = 400;

	protected static final String COMMANDS = "payment.commands";

	protected static final String PARKED = "payment.payment-commands.dlq";

	protected final ObjectMapper json = new ObjectMapper();

	@Autowired
	protected PublishedEvents published;

	@Autowired
	protected CountingProvider provider;

	/**
	 * A command as order-service's outbox relay sends it: CloudEvents attributes in AMQP
	 * headers, the data as the body, checked against the command's schema.
	 * @param type {@code payment.authorize} or {@code payment.refund}
	 * @param orderId the order (the subject)
	 * @param data the data
	 * @return the message
	 */
	protected Message command(String type, UUID orderId, Map<String, ?> data) {
		return command(type, orderId, data, true);
	}

	protected Message command(String type, UUID orderId, Map<String, ?> data, boolean keepsToSchema) {
		return keepsToSchema ? TestEvents.message(type, orderId, data) : TestEvents.unchecked(type, orderId, data);
	}

	protected void send(Message command) {
		this.rabbit.send(COMMANDS, command.getMessageProperties().getType(), command);
	}

	protected Message authorizeCommand(UUID orderId, UUID userId, String amount, String cardToken) {
		return command("payment.authorize", orderId, Map.of("orderId", orderId, "userId", userId, "amount", amount,
				"currency", "EUR", "cardToken", cardToken));
	}

	/** Sends {@code payment.authorize} and waits for its one answer. */
	protected Message authorize(UUID orderId, UUID userId, String amount, String cardToken) {
		send(authorizeCommand(orderId, userId, amount, cardToken));
		return awaitEvents(orderId, 1).get(0);
	}

	protected Message refundCommand(UUID orderId, UUID paymentId, String amount, String reason) {
		return command("payment.refund", orderId, Map.of("orderId", orderId, "paymentId", paymentId, "amount", amount,
				"currency", "EUR", "reason", reason));
	}

	/**
	 * Waits until exactly this many events about an order were published.
	 * @param orderId the order
	 * @param count how many
	 * @return them, in the order they arrived
	 */
	protected List<Message> awaitEvents(UUID orderId, int count) {
		return this.published.awaitAbout(orderId, count, WAIT);
	}

	/**
	 * Sends an authorisation of a fresh order and waits for its answer: every command
	 * sent before it (to the one consumer of the queue, in order) has been handled by
	 * then.
	 */
	protected void awaitCommandsHandled() {
		authorize(UUID.randomUUID(), UUID.randomUUID(), "1.00", "tok_visa");
	}

	/**
	 * Waits until a message is in the parking queue.
	 * @param messageId the message's id
	 * @return the parked copy
	 */
	protected Message awaitParked(String messageId) {
		return awaitParked(PARKED, messageId);
	}

	protected long payments(UUID orderId) {
		return this.jdbc.sql("select count(*) from payments where order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	/**
	 * An event's data, after checking its envelope and that its schema accepts it.
	 * @param event the event
	 * @return the data
	 */
	protected JsonNode data(Message event) throws IOException {
		return PublishedEvents.checkedData(event, "payment-service", "orderId");
	}

	protected static String type(Message event) {
		return PublishedEvents.type(event);
	}

	/**
	 * The simulated provider, counting its calls per order, with a hook before it
	 * answers.
	 */
	public static final class CountingProvider implements PaymentProvider {

		private final PaymentProvider simulated;

		private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

		private final Map<UUID, Runnable> before = new ConcurrentHashMap<>();

		CountingProvider(PaymentProvider simulated) {
			this.simulated = simulated;
		}

		@Override
		public ProviderDecision authorize(Charge charge) {
			this.calls.computeIfAbsent(charge.reference(), (order) -> new AtomicInteger()).incrementAndGet();
			Runnable hook = this.before.remove(charge.reference());
			if (hook != null) {
				hook.run();
			}
			return this.simulated.authorize(charge);
		}

		/**
		 * How often the provider was asked to charge for an order.
		 * @param orderId the order
		 * @return the calls
		 */
		public int calls(UUID orderId) {
			AtomicInteger count = this.calls.get(orderId);
			return (count != null) ? count.get() : 0;
		}

		/**
		 * Runs something once, when the provider is next asked about an order.
		 * @param orderId the order
		 * @param hook what to run
		 */
		public void before(UUID orderId, Runnable hook) {
			this.before.put(orderId, hook);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Plumbing {

		@Bean
		@Primary
		CountingProvider countingProvider(@Qualifier("simulatedPaymentProvider") PaymentProvider simulated) {
			return new CountingProvider(simulated);
		}

		@Bean(destroyMethod = "close")
		PublishedEvents publishedEvents(ConnectionFactory connections) {
			return PublishedEvents.tap(connections, "payment.events");
		}

	}

	protected static Map<String, @Nullable Object> fields(@Nullable Object... entries) {
		return TestEvents.fields(entries);
	}

}
