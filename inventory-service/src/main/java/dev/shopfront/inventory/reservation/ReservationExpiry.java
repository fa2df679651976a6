package dev.shopfront.inventory.reservation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.inventory.reservation.events.ReservationEvents;
import dev.shopfront.inventory.reservation.events.ReservationExpiredV1;
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
				this.outbox.publish(ReservationEvents.RESERVATION_EXPIRED, orderId.toString(),
						new ReservationExpiredV1(orderId));
				this.reservations.count("expire");
				released++;
			}
		}
		if (released > 0) {
			log.info("Released {} expired reservations", released);
		}
		return released;
	}

}
