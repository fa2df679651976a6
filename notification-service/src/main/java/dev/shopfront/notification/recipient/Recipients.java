package dev.shopfront.notification.recipient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * notification-service's copy of the user data it needs (address and name), kept from
 * user-service's events so that sending an e-mail never calls user-service.
 */
@Repository
public class Recipients {

	/** First key of the advisory locks taken per user (the second is the user's hash). */
	private static final int USER_LOCKS = 0x7573_6572;

	private final JdbcClient jdbc;

	private final Clock clock;

	Recipients(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Applies a copy of the user's data unless one of the same or a higher version was
	 * applied already (events may arrive out of order or twice).
	 * @param recipient the user's data
	 * @return whether the copy changed
	 */
	public boolean apply(Recipient recipient) {
		return this.jdbc.sql("""
				insert into recipients (user_id, email, full_name, email_verified, version, updated_at)
				values (:id, :email, :name, :verified, :version, :now)
				on conflict (user_id) do update set email = excluded.email, full_name = excluded.full_name,
				    email_verified = excluded.email_verified, version = excluded.version,
				    updated_at = excluded.updated_at
				where recipients.version < excluded.version""")
			.param("id", recipient.userId())
			.param("email", recipient.email())
			.param("name", recipient.fullName())
			.param("verified", recipient.emailVerified())
			.param("version", recipient.version())
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * Takes the user's lock until the transaction ends: a change of the user's copy and
	 * the sender's decision to set the user's e-mails aside (to wait for the address)
	 * take turns, so neither misses the other.
	 * @param userId the user
	 */
	public void lock(UUID userId) {
		this.jdbc.sql("select 1 from pg_advisory_xact_lock(?, hashtext(?))")
			.params(USER_LOCKS, userId.toString())
			.query(Integer.class)
			.single();
	}

	/**
	 * The copy of a user's data, if the user's events have arrived.
	 * @param userId the user
	 * @return the copy
	 */
	public Optional<Recipient> find(UUID userId) {
		return this.jdbc
			.sql("select user_id, email, full_name, email_verified, version from recipients where user_id = ?")
			.param(userId)
			.query((rs, row) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getBoolean(4), rs.getLong(5)))
			.optional();
	}

}
