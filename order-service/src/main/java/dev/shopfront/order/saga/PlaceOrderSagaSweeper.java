package dev.shopfront.order.saga;

import java.time.Clock;
import java.time.Instant;

import dev.shopfront.order.config.OrderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
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
class PlaceOrderSagaSweeper {

	private static final Logger log = LoggerFactory.getLogger(PlaceOrderSagaSweeper.class);

	private final PlaceOrderSagas sagas;

	private final PlaceOrderSagaOrchestrator saga;

	private final Clock clock;

	private final OrderProperties.Sweeper properties;

	PlaceOrderSagaSweeper(PlaceOrderSagas sagas, PlaceOrderSagaOrchestrator saga, Clock clock,
			OrderProperties properties) {
		this.sagas = sagas;
		this.saga = saga;
		this.clock = clock;
		this.properties = properties.sweeper();
	}

	@Scheduled(fixedDelayString = "${shopfront.order.sweeper.interval:2s}", initialDelayString = "1s")
	void sweep() {
		Instant now = this.clock.instant();
		int batch = this.properties.batchSize();
		for (PlaceOrderSaga overdue : this.sagas.findOverdue(now, batch)) {
			decide(overdue, () -> this.saga.checkDeadline(overdue.orderId()));
		}
		for (PlaceOrderSaga stale : this.sagas.findReservingSince(now.minus(this.properties.reservingStaleAfter()),
				batch)) {
			log.info("Resuming order {}: its reservation was left unfinished", stale.orderId());
			decide(stale, () -> this.saga.resume(stale.orderId()));
		}
	}

	private void decide(PlaceOrderSaga saga, Runnable decision) {
		try {
			decision.run();
		}
		catch (OptimisticLockingFailureException ex) {
			log.debug("Order {} was decided elsewhere meanwhile", saga.orderId());
		}
		catch (RuntimeException ex) {
			log.warn("Sweeping order {} failed; next sweep tries again", saga.orderId(), ex);
		}
	}

}
