package dev.shopfront.inventory.reservation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;
import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.inventory.catalog.events.InventoryEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases reservations never committed once they expire, and announces
 * {@code inventory.reservation-expired}. Safe with several instances: each batch takes
 * its rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class ReservationExpiry {

	/** {@code inventory.reservation-expired} v1: {@link ReservationExpiredV1}. */
	static final EventType RESERVATION_EXPIRED = new EventType(InventoryEvents.EXCHANGE,
			"inventory.reservation-expired", 1);

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

	private final JdbcClient jdbc;

	private final Reservations reservations;

	private final Outbox outbox;

	private final Clock clock;

	ReservationExpiry(JdbcClient jdbc, Reservations reservations, Outbox outbox, Clock clock) {
		this.jdbc = jdbc;
		this.reservations = reservations;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Releases one batch of expired reservations.
	 * @return how many were released
	 */
	@Scheduled(fixedDelayString = "${shopfront.inventory.expiry-interval:5s}")
	@Transactional
	public int expireDue() {
		List<UUID> due = this.jdbc.sql("""
				select order_id from reservations where status = 'HELD' and expires_at <= ?
				order by expires_at limit 100 for update skip locked
				""").param(Timestamp.from(this.clock.instant())).query(UUID.class).list();
		int released = 0;
		for (UUID orderId : due) {
			if (this.reservations.release(orderId)) {
				this.outbox.publish(RESERVATION_EXPIRED, orderId.toString(), new ReservationExpiredV1(orderId));
				released++;
			}
		}
		if (released > 0) {
			log.info("Released {} expired reservations", released);
		}
		return released;
	}

	/**
	 * {@code inventory.reservation-expired} v1: a reservation was never committed and its
	 * stock went back.
	 *
	 * @param orderId the order whose reservation expired
	 */
	record ReservationExpiredV1(UUID orderId) {
	}

}
