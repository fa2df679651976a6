package dev.shopfront.chassis.metrics;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business counters and timers move only for what happened: inside a transaction, once it
 * commits (a rolled-back order was not confirmed); outside one, at once.
 */
public final class Committed {

	private Committed() {
	}

	/**
	 * Runs the metric update after the current transaction commits, or now without one.
	 * @param update e.g.
	 * {@code () -> meters.counter("shopfront.orders", ...).increment()}
	 */
	public static void then(Runnable update) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			update.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				update.run();
			}
		});
	}

}
