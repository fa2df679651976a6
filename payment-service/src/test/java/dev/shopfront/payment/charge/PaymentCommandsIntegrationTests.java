package dev.shopfront.payment.charge;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shopfront.payment.PaymentServiceApplication;
import dev.shopfront.payment.PaymentServiceIntegrationTest;
import dev.shopfront.payment.charge.PaymentRequests.Authorize;
import dev.shopfront.payment.provider.CardBrand;
import dev.shopfront.payment.provider.CardToken;
import dev.shopfront.payment.provider.Coded;
import dev.shopfront.payment.provider.DeclineReason;
import dev.shopfront.testsupport.AnotherInstance;
import dev.shopfront.testsupport.EventSchemas;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * payment-service takes order-service's commands from the broker and answers on
 * {@code payment.events}: approvals, each decline, the slow card, one charge per order
 * whatever arrives twice or at once (one instance or two), one refund per payment,
 * failing commands retried and parked, and card tokens that never reach the database or
 * the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentCommandsIntegrationTests extends PaymentServiceIntegrationTest {

	@Autowired
	Payments payments;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final UUID user = UUID.randomUUID();

	@Test
	void approvesVisaAndMastercardAndKeepsTheBrandNeverTheToken() throws IOException {
		for (CardBrand brand : List.of(CardBrand.VISA, CardBrand.MASTERCARD)) {
			UUID order = UUID.randomUUID();
			Message answer = authorize(order, this.user, "59.98", "tok_" + brand.code());
			assertThat(type(answer)).isEqualTo("payment.authorized");
			JsonNode data = data(answer);
			assertThat(data.get("amount").asText()).isEqualTo("59.98");
			assertThat(data.get("currency").asText()).isEqualTo("EUR");
			Payment payment = this.payments.find(UUID.fromString(data.get("paymentId").asText())).orElseThrow();
			assertThat(payment.orderId()).isEqualTo(order);
			assertThat(payment.userId()).isEqualTo(this.user);
			assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
			assertThat(payment.amount()).isEqualByComparingTo("59.98");
			assertThat(payment.cardBrand()).isEqualTo(brand);
			assertThat(payment.declineReason()).isNull();
			assertThat(storedRows(order)).isNotEmpty().noneMatch((row) -> row.contains("tok_"));
			assertThat(this.provider.calls(order)).isOne();
		}
		assertThat(this.jdbc.sql(
				"select count(*) from information_schema.columns where table_schema = 'public' and column_name like '%token%'")
			.query(Long.class)
			.single()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "tok_chargeDeclined, card_declined, visa", "tok_insufficientFunds, insufficient_funds, visa",
			"tok_noSuchCard, invalid_card_token, unknown", "TOK_VISA, invalid_card_token, unknown" })
	void declinesWithTheProvidersReason(String token, String reason, String brand) throws IOException {
		UUID order = UUID.randomUUID();
		double declined = this.meters.counter("shopfront.payments", "outcome", "declined", "reason", reason).count();
		Message answer = authorize(order, this.user, "20.00", token);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					this.meters.counter("shopfront.payments", "outcome", "declined", "reason", reason).count())
				.as("declined payments counted by reason")
				.isEqualTo(declined + 1));
		assertThat(type(answer)).isEqualTo("payment.declined");
		JsonNode data = data(answer);
		assertThat(data.get("reason").asText()).isEqualTo(reason);
		Payment payment = this.payments.find(UUID.fromString(data.get("paymentId").asText())).orElseThrow();
		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.declineReason()).isEqualTo(Coded.of(DeclineReason.class, reason));
		assertThat(payment.cardBrand()).isEqualTo(Coded.of(CardBrand.class, brand));
		assertThat(storedRows(order)).noneMatch((row) -> row.contains(token));
	}

	@Test
	void declinesACommandWithoutACardTokenAsAnInvalidToken() throws IOException {
		UUID order = UUID.randomUUID();
		send(command("payment.authorize", order,
				Map.of("orderId", order, "userId", this.user, "amount", "20.00", "currency", "EUR"), false));
		JsonNode data = data(awaitEvents(order, 1).get(0));
		assertThat(data.get("reason").asText()).isEqualTo("invalid_card_token");
	}

	@Test
	void approvesTheSlowTokenAfterTheConfiguredDelay() throws IOException {
		UUID order = UUID.randomUUID();
		long start = System.nanoTime();
		Message answer = authorize(order, this.user, "10.00", "tok_slow");
		long tookMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(type(answer)).isEqualTo("payment.authorized");
		assertThat(tookMillis).isGreaterThanOrEqualTo(SLOW_DELAY_MILLIS);
		assertThat(
				this.payments.find(UUID.fromString(data(answer).get("paymentId").asText())).orElseThrow().cardBrand())
			.isEqualTo(CardBrand.VISA);
	}

	@Test
	void aRedeliveredCommandIsAnsweredOnceAndChargesOnce() {
		UUID order = UUID.randomUUID();
		Message command = authorizeCommand(order, this.user, "25.00", "tok_visa");
		send(command);
		send(command);
		awaitCommandsHandled();
		assertThat(awaitEvents(order, 1)).extracting(PaymentServiceIntegrationTest::type)
			.containsExactly("payment.authorized");
		assertThat(outboxRows(order, "payment.authorized")).isOne();
		assertThat(payments(order)).isOne();
		assertThat(this.provider.calls(order)).isOne();
	}

	@Test
	void aRepeatedCommandIsAnsweredAgainWithTheSamePaymentAndChargesNothing() throws IOException {
		UUID approved = UUID.randomUUID();
		UUID declined = UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			send(authorizeCommand(approved, this.user, "25.00", "tok_visa"));
		}
		send(authorizeCommand(declined, this.user, "25.00", "tok_chargeDeclined"));
		// another card for the same order does not make a second payment
		send(authorizeCommand(declined, this.user, "25.00", "tok_visa"));

		List<Message> approvals = awaitEvents(approved, 3);
		assertThat(approvals).extracting(PaymentServiceIntegrationTest::type).containsOnly("payment.authorized");
		assertThat(paymentIds(approvals)).hasSize(1);
		assertThat(approvals.stream().map((event) -> event.getMessageProperties().getMessageId()).distinct())
			.hasSize(3);
		List<Message> declines = awaitEvents(declined, 2);
		assertThat(declines).extracting(PaymentServiceIntegrationTest::type).containsOnly("payment.declined");
		assertThat(paymentIds(declines)).hasSize(1);
		for (Message decline : declines) {
			assertThat(data(decline).get("reason").asText()).isEqualTo("card_declined");
		}
		assertThat(this.provider.calls(approved)).isOne();
		assertThat(this.provider.calls(declined)).isOne();
		assertThat(payments(approved)).isOne();
		assertThat(payments(declined)).isOne();
	}

	@Test
	void concurrentAuthorisationsOfOneOrderAskTheProviderOnceAndAllGetTheSamePayment() throws Exception {
		UUID order = UUID.randomUUID();
		Authorize request = new Authorize(order, this.user, new BigDecimal("30.00"), "EUR", new CardToken("tok_slow"));
		List<Callable<Payment>> attempts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			attempts.add(() -> this.payments.authorize(request));
		}
		Set<UUID> ids;
		try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
			List<Future<Payment>> outcomes = pool.invokeAll(attempts);
			ids = new java.util.HashSet<>();
			for (Future<Payment> outcome : outcomes) {
				ids.add(outcome.get().id());
			}
		}
		assertThat(ids).hasSize(1);
		assertThat(this.provider.calls(order)).isOne();
		assertThat(payments(order)).isOne();
		assertThat(outboxRows(order, "payment.authorized")).isEqualTo(6);
		assertThat(paymentIds(awaitEvents(order, 6))).containsExactly(ids.iterator().next().toString());
	}

	@ParameterizedTest
	@CsvSource({ "tok_visa, 1", "tok_chargeDeclined, 2" })
	void aSuccessfulPaymentWrittenMeanwhileWinsAndTheLoserAnswersWithIt(String token, long rows) throws IOException {
		UUID order = UUID.randomUUID();
		UUID winner = UUID.randomUUID();
		TransactionTemplate separately = new TransactionTemplate(this.transactionManager);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// another writer commits a successful payment while this one asks the provider
		this.provider.before(order,
				() -> separately.executeWithoutResult((status) -> insertPayment(winner, order, "AUTHORIZED")));
		Message answer = authorize(order, this.user, "30.00", token);
		assertThat(type(answer)).isEqualTo("payment.authorized");
		assertThat(data(answer).get("paymentId").asText()).isEqualTo(winner.toString());
		// an approval is not written a second time; a decline is kept, but does not
		// answer
		assertThat(payments(order)).isEqualTo(rows);
		assertThat(this.jdbc
			.sql("select count(*) from payments where order_id = ? and status in ('AUTHORIZED', 'REFUNDED')")
			.param(order)
			.query(Long.class)
			.single()).isOne();
		assertThat(outboxRows(order, "payment.authorized")).isOne();
		assertThat(outboxRows(order, "payment.declined")).isZero();
	}

	@Test
	void theDatabaseAllowsOneSuccessfulPaymentPerOrder() {
		UUID order = UUID.randomUUID();
		insertPayment(UUID.randomUUID(), order, "AUTHORIZED");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertPayment(UUID.randomUUID(), order, "AUTHORIZED"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertPayment(UUID.randomUUID(), order, "REFUNDED"));
		UUID declined = UUID.randomUUID();
		insertPayment(UUID.randomUUID(), declined, "DECLINED");
		insertPayment(UUID.randomUUID(), declined, "DECLINED");
		insertPayment(UUID.randomUUID(), declined, "AUTHORIZED");
		assertThat(payments(declined)).isEqualTo(3);
	}

	@Test
	void twoInstancesTakingRepeatedCommandsAtOnceChargeOnce() throws IOException {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PaymentServiceApplication.class)
			.run(AnotherInstance.arguments(this.database, this.broker,
					"--shopfront.payment.provider.slow-delay=" + SLOW_DELAY_MILLIS + "ms",
					"--shopfront.chassis.messaging.consumer.retry-delays=100ms,200ms"))) {
			// both instances consume: the broker hands the commands out in turn
			await().atMost(WAIT)
				.until(() -> this.rabbit.execute(
						(channel) -> channel.queueDeclarePassive("payment.payment-commands").getConsumerCount()) == 2);
			UUID order = UUID.randomUUID();
			for (int i = 0; i < 8; i++) {
				send(authorizeCommand(order, this.user, "45.00", "tok_slow"));
			}
			List<Message> answers = awaitEvents(order, 8);
			assertThat(answers).extracting(PaymentServiceIntegrationTest::type).containsOnly("payment.authorized");
			assertThat(paymentIds(answers)).hasSize(1);
			assertThat(payments(order)).isOne();
		}
	}

	@Test
	void refundsOnceAndAnnouncesItOnceWhateverArrivesTwice() throws IOException {
		UUID order = UUID.randomUUID();
		UUID paymentId = UUID
			.fromString(data(authorize(order, this.user, "59.98", "tok_visa")).get("paymentId").asText());
		Message refund = refundCommand(order, paymentId, "59.98", "CUSTOMER_REQUEST");
		send(refund);
		send(refund);
		send(refundCommand(order, paymentId, "59.98", "PAYMENT_TIMEOUT"));
		awaitCommandsHandled();

		Message refunded = awaitEvents(order, 2).get(1);
		assertThat(type(refunded)).isEqualTo("payment.refunded");
		JsonNode data = data(refunded);
		assertThat(data.get("paymentId").asText()).isEqualTo(paymentId.toString());
		assertThat(data.get("amount").asText()).isEqualTo("59.98");
		assertThat(data.get("currency").asText()).isEqualTo("EUR");
		assertThat(outboxRows(order, "payment.refunded")).isOne();
		Payment payment = this.payments.find(paymentId).orElseThrow();
		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.refund()).isNotNull();
		assertThat(payment.refund().id().toString()).isEqualTo(data.get("refundId").asText());
		assertThat(payment.refund().reason()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(payment.refund().amount()).isEqualByComparingTo("59.98");

		// the order's authorisation asked again: the same payment, no new charge
		send(authorizeCommand(order, this.user, "59.98", "tok_visa"));
		Message again = awaitEvents(order, 3).get(2);
		assertThat(type(again)).isEqualTo("payment.authorized");
		assertThat(data(again).get("paymentId").asText()).isEqualTo(paymentId.toString());
		assertThat(this.provider.calls(order)).isOne();
	}

	@Test
	void aRefundOfADeclinedPaymentChangesNothing() throws IOException {
		UUID order = UUID.randomUUID();
		UUID paymentId = UUID
			.fromString(data(authorize(order, this.user, "15.00", "tok_insufficientFunds")).get("paymentId").asText());
		send(refundCommand(order, paymentId, "15.00", "CUSTOMER_REQUEST"));
		awaitCommandsHandled();
		assertThat(outboxRows(order, "payment.refunded")).isZero();
		assertThat(this.payments.find(paymentId).orElseThrow().status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(this.jdbc.sql("select count(*) from refunds where payment_id = ?")
			.param(paymentId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRefundOfAnUnknownPaymentIsRetriedThenParkedAndSaysSo(CapturedOutput output) {
		UUID order = UUID.randomUUID();
		UUID unknown = UUID.randomUUID();
		Message refund = refundCommand(order, unknown, "10.00", "CUSTOMER_REQUEST");
		send(refund);
		Message parked = awaitParked(refund.getMessageProperties().getMessageId());
		assertThat(parked.getMessageProperties().getHeaders()).containsEntry("x-shopfront-attempt", 2);
		assertThat(String.valueOf(parked.getMessageProperties().getHeaders().get("x-shopfront-error")))
			.contains("UnknownPayment");
		assertThat(output).contains("Refund of unknown payment " + unknown + " (order " + order + ")");
		assertThat(outboxRows(order, "payment.refunded")).isZero();
	}

	@Test
	void commandsThatBreakTheContractAreParkedAndTheirTokenStaysOutOfTheLogs(CapturedOutput output) throws IOException {
		String secret = "tok_secret_" + UUID.randomUUID();
		UUID order = UUID.randomUUID();
		List<Message> broken = List.of(
				command("payment.authorize", order,
						fields("orderId", order, "userId", this.user, "amount", "-5.00", "currency", "EUR", "cardToken",
								secret),
						false),
				command("payment.authorize", order,
						fields("orderId", order, "userId", this.user, "amount", "5.001", "currency", "EUR", "cardToken",
								secret),
						false),
				command("payment.authorize", order,
						fields("orderId", order, "userId", this.user, "amount", "5.00", "currency", "EURO", "cardToken",
								secret),
						false),
				command("payment.authorize", order,
						fields("orderId", order, "amount", "5.00", "currency", "EUR", "cardToken", secret), false),
				command("payment.authorize", order, fields("orderId", "not-a-uuid", "userId", this.user, "amount",
						"5.00", "currency", "EUR", "cardToken", secret), false));
		for (Message command : broken) {
			String body = new String(command.getBody(), StandardCharsets.UTF_8);
			assertThat(EventSchemas.violations("payment.authorize", 1, body)).as("the schema refuses %s", body)
				.isNotEmpty();
			send(command);
		}
		for (Message command : broken) {
			awaitParked(command.getMessageProperties().getMessageId());
		}
		UUID paid = UUID.randomUUID();
		UUID paymentId = UUID
			.fromString(data(authorize(paid, this.user, "59.98", "tok_visa")).get("paymentId").asText());
		Message mismatch = refundCommand(paid, paymentId, "10.00", "CUSTOMER_REQUEST");
		send(mismatch);
		assertThat(String.valueOf(awaitParked(mismatch.getMessageProperties().getMessageId()).getMessageProperties()
			.getHeaders()
			.get("x-shopfront-error"))).contains("RefundMismatch");

		assertThat(payments(order)).isZero();
		assertThat(this.provider.calls(order)).isZero();
		assertThat(this.payments.find(paymentId).orElseThrow().status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(output).contains("payment.authorize").doesNotContain(secret);
	}

	@Test
	void cardTokensNeverReachTheLogs(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("dev.shopfront", LogLevel.DEBUG);
		try {
			String secret = "tok_" + UUID.randomUUID();
			List<String> tokens = List.of(secret, "tok_visa", "tok_mastercard", "tok_chargeDeclined",
					"tok_insufficientFunds", "tok_slow");
			List<UUID> orders = new ArrayList<>();
			for (String token : tokens) {
				UUID order = UUID.randomUUID();
				orders.add(order);
				Message command = authorizeCommand(order, this.user, "12.34", token);
				send(command);
				send(command);
				send(authorizeCommand(order, this.user, "12.34", token));
			}
			for (UUID order : orders) {
				awaitEvents(order, 2);
			}
			// the log lines are there, the tokens are not
			assertThat(output).contains("Order " + orders.get(0)).contains("Skipping duplicate");
			for (String token : tokens) {
				assertThat(output).doesNotContain(token);
			}
		}
		finally {
			logging.setLogLevel("dev.shopfront", null);
		}
	}

	@Test
	void theSchemasRefuseDataThatBreaksThem() {
		assertThat(EventSchemas.violations("payment.declined", 1,
				"{\"orderId\": \"x\", \"paymentId\": \"y\", \"reason\": \"stolen\"}"))
			.isNotEmpty();
		assertThat(EventSchemas.violations("payment.authorized", 1, """
				{"orderId": "%s", "paymentId": "%s", "amount": 59.98, "currency": "EUR"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID()))).isNotEmpty();
		assertThat(EventSchemas.violations("payment.refunded", 1, """
				{"orderId": "%s", "paymentId": "%s", "amount": "59.98", "currency": "EUR"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID()))).isNotEmpty();
		assertThat(EventSchemas.violations("payment.refund", 1, """
				{"orderId": "%s", "paymentId": "%s", "amount": "59.98", "currency": "eur", "reason": "X"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID()))).isNotEmpty();
	}

	private void insertPayment(UUID id, UUID order, String status) {
		this.jdbc.sql("""
				insert into payments (id, order_id, user_id, status, amount, currency, card_brand, decline_reason,
				                      created_at, updated_at)
				values (?, ?, ?, ?, 30.00, 'EUR', 'visa', ?, now(), now())
				""").params(id, order, this.user, status, status.equals("DECLINED") ? "card_declined" : null).update();
	}

	/** Every stored row about an order, as text. */
	private List<String> storedRows(UUID order) {
		return this.jdbc.sql("""
				select p::text || coalesce(r::text, '') from payments p left join refunds r on r.payment_id = p.id
				where p.order_id = ?
				""").param(order).query(String.class).list();
	}

	private Set<String> paymentIds(List<Message> events) {
		return events.stream().map((event) -> {
			try {
				return data(event).get("paymentId").asText();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).collect(Collectors.toSet());
	}

}
