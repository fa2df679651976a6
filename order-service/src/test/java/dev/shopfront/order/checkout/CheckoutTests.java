package dev.shopfront.order.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.shopfront.order.checkout.Checkout.Action;
import dev.shopfront.order.checkout.Checkout.Payment;
import dev.shopfront.order.checkout.Checkout.Step;
import dev.shopfront.order.order.CancelReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every transition and compensation of the checkout saga, with no broker, no database and
 * a clock the test moves.
 */
class CheckoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final UUID orderId = UUID.randomUUID();

	private final UUID paymentId = UUID.randomUUID();

	private Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	private Instant now() {
		return this.clock.instant();
	}

	private void advance(Duration duration) {
		this.clock = Clock.offset(this.clock, duration);
	}

	private Checkout reserving() {
		return new Checkout(this.orderId, "tok_visa", now());
	}

	private Checkout awaitingPayment() {
		Checkout saga = reserving();
		saga.reserved(now(), TIMEOUT);
		return saga;
	}

	private Checkout confirmed() {
		Checkout saga = awaitingPayment();
		saga.authorized(this.paymentId, now());
		return saga;
	}

	@Test
	void reservedStockRequestsTheAuthorizationAndForgetsTheCardToken() {
		Checkout saga = reserving();
		assertThat(saga.reserved(now(), TIMEOUT)).containsExactly(new Action.RequestAuthorization("tok_visa"));
		assertThat(new Action.RequestAuthorization("tok_visa")).asString().doesNotContain("tok_visa");
		assertThat(saga.step()).isEqualTo(Step.AWAITING_PAYMENT);
		assertThat(saga.paymentDeadline()).isEqualTo(now().plus(TIMEOUT));
		assertThat(saga).extracting("cardToken").isNull();
		assertThat(saga.reserved(now(), TIMEOUT)).as("a second reservation answer").isEmpty();
	}

	@Test
	void refusedReservationRejectsTheOrderWithNothingToCompensate() {
		Checkout saga = reserving();
		assertThat(saga.refused(CancelReason.OUT_OF_STOCK, now()))
			.containsExactly(new Action.RejectOrder(CancelReason.OUT_OF_STOCK));
		assertThat(saga.step()).isEqualTo(Step.DONE);
		assertThat(saga.payment()).isEqualTo(Payment.NONE);
		assertThat(saga).extracting("cardToken").isNull();
		assertThat(saga.refused(CancelReason.OUT_OF_STOCK, now())).isEmpty();
	}

	@Test
	void authorizationConfirmsTheOrderOnce() {
		Checkout saga = awaitingPayment();
		assertThat(saga.authorized(this.paymentId, now())).containsExactly(new Action.ConfirmOrder());
		assertThat(saga.step()).isEqualTo(Step.DONE);
		assertThat(saga.payment()).isEqualTo(Payment.AUTHORIZED);
		assertThat(saga.paymentId()).isEqualTo(this.paymentId);
		assertThat(saga.authorized(this.paymentId, now())).as("the same authorization again").isEmpty();
	}

	@Test
	void aSecondDifferentAuthorizationIsRefunded() {
		Checkout saga = confirmed();
		UUID other = UUID.randomUUID();
		assertThat(saga.authorized(other, now()))
			.containsExactly(new Action.RequestRefund(other, "DUPLICATE_AUTHORIZATION"));
		assertThat(saga.payment()).isEqualTo(Payment.AUTHORIZED);
		assertThat(saga.paymentId()).isEqualTo(this.paymentId);
	}

	@Test
	void declineCancelsTheOrderSoInventoryReleasesTheStock() {
		Checkout saga = awaitingPayment();
		assertThat(saga.declined(now())).containsExactly(new Action.CancelOrder(CancelReason.PAYMENT_DECLINED));
		assertThat(saga.payment()).isEqualTo(Payment.DECLINED);
		assertThat(saga.declined(now())).as("a redelivered decline").isEmpty();
		assertThat(confirmed().declined(now())).as("a decline after the authorization").isEmpty();
	}

	@Test
	void paymentTimesOutOnlyOnceTheDeadlineHasPassed() {
		Checkout saga = awaitingPayment();
		advance(TIMEOUT.minusMillis(1));
		assertThat(saga.checkDeadline(now())).isEmpty();
		assertThat(saga.step()).isEqualTo(Step.AWAITING_PAYMENT);
		advance(Duration.ofMillis(1));
		assertThat(saga.checkDeadline(now())).containsExactly(new Action.CancelOrder(CancelReason.PAYMENT_TIMEOUT));
		assertThat(saga.step()).isEqualTo(Step.DONE);
		assertThat(saga.checkDeadline(now())).as("a second sweep").isEmpty();
	}

	@Test
	void aLateAuthorizationAfterTheTimeoutIsRefunded() {
		Checkout saga = awaitingPayment();
		advance(TIMEOUT);
		saga.checkDeadline(now());
		assertThat(saga.authorized(this.paymentId, now()))
			.containsExactly(new Action.RequestRefund(this.paymentId, "LATE_AUTHORIZATION"));
		assertThat(saga.payment()).isEqualTo(Payment.REFUND_REQUESTED);
		assertThat(saga.authorized(this.paymentId, now())).as("the late authorization redelivered").isEmpty();
		assertThat(saga.refunded(this.paymentId, now())).containsExactly(new Action.NoteRefund());
		assertThat(saga.payment()).isEqualTo(Payment.REFUNDED);
		assertThat(saga.refunded(this.paymentId, now())).as("the refund redelivered").isEmpty();
	}

	@Test
	void customerCancelBeforePaymentCancelsAndALateAuthorizationIsRefunded() {
		Checkout saga = awaitingPayment();
		assertThat(saga.cancelRequested(now())).containsExactly(new Action.CancelOrder(CancelReason.CUSTOMER_REQUEST));
		assertThat(saga.checkDeadline(now().plus(TIMEOUT))).as("no timeout after the cancel").isEmpty();
		assertThat(saga.authorized(this.paymentId, now()))
			.containsExactly(new Action.RequestRefund(this.paymentId, "LATE_AUTHORIZATION"));
	}

	@Test
	void customerCancelAfterPaymentCancelsAndRefunds() {
		Checkout saga = confirmed();
		assertThat(saga.cancelRequested(now())).containsExactly(new Action.CancelOrder(CancelReason.CUSTOMER_REQUEST),
				new Action.RequestRefund(this.paymentId, "CUSTOMER_REQUEST"));
		assertThat(saga.payment()).isEqualTo(Payment.REFUND_REQUESTED);
		assertThat(saga.refunded(UUID.randomUUID(), now())).as("a refund of another payment").isEmpty();
		assertThat(saga.refunded(this.paymentId, now())).containsExactly(new Action.NoteRefund());
	}

	@Test
	void cancelWhileReservingIsRefused() {
		assertThatExceptionOfType(CheckoutInProgressException.class)
			.isThrownBy(() -> reserving().cancelRequested(now()));
	}

	@Test
	void expiredReservationCancelsAnUnpaidOrderOnly() {
		Checkout saga = awaitingPayment();
		assertThat(saga.reservationExpired(now()))
			.containsExactly(new Action.CancelOrder(CancelReason.RESERVATION_EXPIRED));
		assertThat(confirmed().reservationExpired(now())).isEmpty();
	}

	@Test
	void aReservationIsStaleOnceItsRequestCannotBeAliveAnyMore() {
		Checkout saga = reserving();
		assertThat(saga.isStaleReservation(now().plusSeconds(29), Duration.ofSeconds(30))).isFalse();
		assertThat(saga.isStaleReservation(now().plusSeconds(30), Duration.ofSeconds(30))).isTrue();
		assertThat(awaitingPayment().isStaleReservation(now().plusSeconds(60), Duration.ofSeconds(30))).isFalse();
	}

}
