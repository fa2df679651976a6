package dev.shopfront.order.checkout;

import java.time.Clock;
import java.time.Instant;

import dev.shopfront.order.checkout.Checkout.Step;
import dev.shopfront.order.config.OrderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds sagas that wait on nothing but time: payments overdue (cancelled with
 * PAYMENT_TIMEOUT) and reservations whose request died with its instance (resumed). It
 * runs on every instance and right after a start, so a restarted service picks up every
 * unfinished saga; two instances deciding the same saga take turns on its row lock, and
 * the second finds it decided.
 */
@Component
class CheckoutSweeper {

	private static final Logger log = LoggerFactory.getLogger(CheckoutSweeper.class);

	private final Checkouts checkouts;

	private final CheckoutSaga saga;

	private final PlaceOrder placeOrder;

	private final Clock clock;

	private final OrderProperties.Sweeper properties;

	CheckoutSweeper(Checkouts checkouts, CheckoutSaga saga, PlaceOrder placeOrder, Clock clock,
			OrderProperties properties) {
		this.checkouts = checkouts;
		this.saga = saga;
		this.placeOrder = placeOrder;
		this.clock = clock;
		this.properties = properties.sweeper();
	}

	@Scheduled(fixedDelayString = "${shopfront.order.sweeper.interval:2s}", initialDelayString = "1s")
	void sweep() {
		Instant now = this.clock.instant();
		Limit batch = Limit.of(this.properties.batchSize());
		for (Checkout overdue : this.checkouts
			.findByStepAndPaymentDeadlineLessThanEqualOrderByPaymentDeadline(Step.AWAITING_PAYMENT, now, batch)) {
			decide(overdue, () -> this.saga.checkDeadline(overdue.orderId()));
		}
		for (Checkout stale : this.checkouts.findByStepAndUpdatedAtLessThanEqualOrderByUpdatedAt(Step.RESERVING,
				now.minus(this.properties.reservingStaleAfter()), batch)) {
			log.info("Resuming order {}: its reservation was left unfinished", stale.orderId());
			decide(stale, () -> this.placeOrder.resume(stale.orderId()));
		}
	}

	private void decide(Checkout checkout, Runnable decision) {
		try {
			decision.run();
		}
		catch (OptimisticLockingFailureException ex) {
			log.debug("Order {} was decided elsewhere meanwhile", checkout.orderId());
		}
		catch (RuntimeException ex) {
			log.warn("Sweeping order {} failed; next sweep tries again", checkout.orderId(), ex);
		}
	}

}
