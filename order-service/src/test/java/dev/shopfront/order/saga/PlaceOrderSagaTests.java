package dev.shopfront.order.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.shopfront.order.lifecycle.CancelReason;
import dev.shopfront.order.saga.PlaceOrderSaga.Action;
import dev.shopfront.order.saga.PlaceOrderSaga.Payment;
import dev.shopfront.order.saga.PlaceOrderSaga.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every transition and compensation of the checkout saga, with no broker, no database and
 * a clock the test moves.
 */
class PlaceOrderSagaTests {

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

	private PlaceOrderSaga reserving() {
		return new PlaceOrderSaga(this.orderId, "tok_visa", now());
	}

	private PlaceOrderSaga awaitingPayment() {
		PlaceOrderSaga saga = reserving();
		saga.reserved(now(), TIMEOUT);
		return saga;
	}

	private PlaceOrderSaga confirmed() {
		PlaceOrderSaga saga = awaitingPayment();
		saga.authorized(this.paymentId, now());
		return saga;
	}

	@Test
	void reservedStockRequestsTheAuthorizationAndForgetsTheCardToken() {
		PlaceOrderSaga saga = reserving();
		assertThat(saga.reserved(now(), TIMEOUT)).containsExactly(new Action.RequestAuthorization("tok_visa"));
		assertThat(new Action.RequestAuthorization("tok_visa")).asString().doesNotContain("tok_visa");
		assertThat(saga.step()).isEqualTo(Step.AWAITING_PAYMENT);
		assertThat(saga.paymentDeadline()).isEqualTo(now().plus(TIMEOUT));
		assertThat(saga).extracting("cardToken").isNull();
		assertThat(saga.reserved(now(), TIMEOUT)).as("a second reservation answer").isEmpty();
	}

	@Test
	void refusedReservationRejectsTheOrderWithNothingToCompensate() {
		PlaceOrderSaga saga = reserving();
		assertThat(saga.refused(CancelReason.OUT_OF_STOCK, now()))
			.containsExactly(new Action.RejectOrder(CancelReason.OUT_OF_STOCK));
		assertThat(saga.step()).isEqualTo(Step.DONE);
		assertThat(saga.payment()).isEqualTo(Payment.NONE);
		assertThat(saga).extracting("cardToken").isNull();
		assertThat(saga.refused(CancelReason.OUT_OF_STOCK, now())).isEmpty();
	}

	@Test
	void authorizationConfirmsTheOrderOnce() {
		PlaceOrderSaga saga = awaitingPayment();
		assertThat(saga.authorized(this.paymentId, now())).containsExactly(new Action.ConfirmOrder());
		assertThat(saga.step()).isEqualTo(Step.DONE);
		assertThat(saga.payment()).isEqualTo(Payment.AUTHORIZED);
		assertThat(saga.paymentId()).isEqualTo(this.paymentId);
		assertThat(saga.authorized(this.paymentId, now())).as("the same authorization again").isEmpty();
	}

	@Test
	void aSecondDifferentAuthorizationIsRefunded() {
		PlaceOrderSaga saga = confirmed();
		UUID other = UUID.randomUUID();
		assertThat(saga.authorized(other, now()))
			.containsExactly(new Action.RequestRefund(other, "DUPLICATE_AUTHORIZATION"));
		assertThat(saga.payment()).isEqualTo(Payment.AUTHORIZED);
		assertThat(saga.paymentId()).isEqualTo(this.paymentId);
	}

	@Test
	void declineCancelsTheOrderSoInventoryReleasesTheStock() {
		PlaceOrderSaga saga = awaitingPayment();
		assertThat(saga.declined(now())).containsExactly(new Action.CancelOrder(CancelReason.PAYMENT_DECLINED));
		assertThat(saga.payment()).isEqualTo(Payment.DECLINED);
		assertThat(saga.declined(now())).as("a redelivered decline").isEmpty();
		assertThat(confirmed().declined(now())).as("a decline after the authorization").isEmpty();
	}

	@Test
	void paymentTimesOutOnlyOnceTheDeadlineHasPassed() {
		PlaceOrderSaga saga = awaitingPayment();
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
		PlaceOrderSaga saga = awaitingPayment();
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
		PlaceOrderSaga saga = awaitingPayment();
		assertThat(saga.cancelRequested(now())).containsExactly(new Action.CancelOrder(CancelReason.CUSTOMER_REQUEST));
		assertThat(saga.checkDeadline(now().plus(TIMEOUT))).as("no timeout after the cancel").isEmpty();
		assertThat(saga.authorized(this.paymentId, now()))
			.containsExactly(new Action.RequestRefund(this.paymentId, "LATE_AUTHORIZATION"));
	}

	@Test
	void customerCancelAfterPaymentCancelsAndRefunds() {
		PlaceOrderSaga saga = confirmed();
		assertThat(saga.cancelRequested(now())).containsExactly(new Action.CancelOrder(CancelReason.CUSTOMER_REQUEST),
				new Action.RequestRefund(this.paymentId, "CUSTOMER_REQUEST"));
		assertThat(saga.payment()).isEqualTo(Payment.REFUND_REQUESTED);
		assertThat(saga.refunded(UUID.randomUUID(), now())).as("a refund of another payment").isEmpty();
		assertThat(saga.refunded(this.paymentId, now())).containsExactly(new Action.NoteRefund());
	}

	@Test
	void cancelWhileReservingIsRefused() {
		assertThatExceptionOfType(PlacementInProgressException.class)
			.isThrownBy(() -> reserving().cancelRequested(now()));
	}

	@Test
	void expiredReservationCancelsAnUnpaidOrderOnly() {
		PlaceOrderSaga saga = awaitingPayment();
		assertThat(saga.reservationExpired(now()))
			.containsExactly(new Action.CancelOrder(CancelReason.RESERVATION_EXPIRED));
		assertThat(confirmed().reservationExpired(now())).isEmpty();
	}

	@Test
	void aReservationIsStaleOnceItsRequestCannotBeAliveAnyMore() {
		PlaceOrderSaga saga = reserving();
		assertThat(saga.isStaleReservation(now().plusSeconds(29), Duration.ofSeconds(30))).isFalse();
		assertThat(saga.isStaleReservation(now().plusSeconds(30), Duration.ofSeconds(30))).isTrue();
		assertThat(awaitingPayment().isStaleReservation(now().plusSeconds(60), Duration.ofSeconds(30))).isFalse();
	}

	@Test
	void aSagaCountsAsChangedSinceItWasStoredOnlyWhenADecisionMovedIt() {
		PlaceOrderSaga saga = reserving();
		assertThat(saga.stored()).as("new: inserted when saved").isNull();
		saga.stored(0);
		assertThat(saga.stored()).as("what is stored shows no card token").asString().doesNotContain("tok_visa");
		assertThat(saga.stored().changed(saga)).isFalse();
		saga.reserved(now(), TIMEOUT);
		assertThat(saga.stored().changed(saga)).as("awaiting the payment, the token dropped").isTrue();
		saga.stored(1);
		saga.authorized(this.paymentId, now());
		saga.stored(2);
		assertThat(saga.authorized(this.paymentId, now())).as("the same authorisation again").isEmpty();
		assertThat(saga.stored().changed(saga)).isFalse();
		assertThat(saga.stored().version()).isEqualTo(2);
	}

}
