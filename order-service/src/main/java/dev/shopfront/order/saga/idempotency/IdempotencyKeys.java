package dev.shopfront.order.saga.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code Idempotency-Key}s of {@code POST /api/orders}: per customer and key, the
 * hash of the request, the order it started and, once known, the response every repeat
 * gets.
 */
@Repository
public class IdempotencyKeys {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	/** How long a key is remembered. */
	static final Duration RETENTION = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Claims the key for a new order, in the transaction that stores the order; when it
	 * is taken, reads who has it.
	 * @param userId the customer
	 * @param key the key
	 * @param requestHash the request's hash
	 * @param orderId the order this request would start
	 * @return {@link Claim.Started} when this request owns the key
	 */
	public Claim claim(UUID userId, String key, String requestHash, UUID orderId) {
		boolean claimed = this.jdbc.sql("""
				insert into idempotency_keys (user_id, idempotency_key, request_hash, order_id, created_at)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(userId, key, requestHash, orderId, Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (claimed) {
			return new Claim.Started(orderId);
		}
		return find(userId, key).<Claim>map(Claim.Taken::new).orElseGet(Claim.Retry::new);
	}

	/**
	 * The key's record.
	 * @param userId the customer
	 * @param key the key
	 * @return the record, if the key is taken
	 */
	Optional<Key> find(UUID userId, String key) {
		return this.jdbc.sql("""
				select request_hash, order_id, response_status, response_body, created_at
				from idempotency_keys where user_id = ? and idempotency_key = ?""")
			.params(userId, key)
			.query((rs, row) -> new Key(rs.getString(1), rs.getObject(2, UUID.class), (Integer) rs.getObject(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.optional();
	}

	/**
	 * Stores the response of the request that owns the key.
	 * @param userId the customer
	 * @param key the key
	 * @param status the HTTP status
	 * @param body the body, as sent
	 */
	@Transactional
	public void complete(UUID userId, String key, int status, String body) {
		this.jdbc.sql("""
				update idempotency_keys set response_status = ?, response_body = ?, completed_at = ?
				where user_id = ? and idempotency_key = ? and response_status is null""")
			.params(status, body, Timestamp.from(this.clock.instant()), userId, key)
			.update();
	}

	/**
	 * Frees a key whose request failed for a reason the customer did not cause (a 5xx),
	 * so that a retry with it places the order anew.
	 * @param userId the customer
	 * @param key the key
	 * @param orderId the order the failed attempt started
	 * @return whether it was freed by this call
	 */
	@Transactional
	public boolean release(UUID userId, String key, UUID orderId) {
		return this.jdbc.sql("""
				delete from idempotency_keys
				where user_id = ? and idempotency_key = ? and order_id = ? and response_status >= 500""")
			.params(userId, key, orderId)
			.update() == 1;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void forgetOldKeys() {
		int forgotten = this.jdbc.sql("delete from idempotency_keys where created_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(RETENTION)))
			.update();
		log.debug("Forgot {} idempotency keys older than {}", forgotten, RETENTION);
	}

	/**
	 * A taken key.
	 *
	 * @param requestHash SHA-256 of the request that took it
	 * @param orderId the order that request started
	 * @param responseStatus the response's status, null while the request is in flight
	 * @param responseBody the response's body
	 * @param createdAt when it was taken
	 */
	public record Key(String requestHash, UUID orderId, @Nullable Integer responseStatus, @Nullable String responseBody,
			Instant createdAt) {

		public boolean isComplete() {
			return this.responseStatus != null;
		}

	}

}
