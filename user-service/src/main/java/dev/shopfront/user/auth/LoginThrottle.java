package dev.shopfront.user.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.shopfront.chassis.crypto.Digests;
import dev.shopfront.user.config.UserProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts in the database, so every instance sees the same count, and
 * spaces them out with growing delays ({@link LoginDelays}): per client address and
 * e-mail, and per e-mail with more attempts free. An attempt is counted before its
 * password is checked, in one transaction that locks the counters' rows, so a burst of
 * concurrent guesses gets no more checks than the same guesses one by one.
 */
@Component
class LoginThrottle {

	private static final String PER_ADDRESS = "address-email";

	private static final String PER_EMAIL = "email";

	private final JdbcClient jdbc;

	private final LoginDelays perAddress;

	private final LoginDelays perEmail;

	LoginThrottle(JdbcClient jdbc, UserProperties properties) {
		this.jdbc = jdbc;
		UserProperties.Login login = properties.login();
		this.perAddress = new LoginDelays(login.freeAttempts(), login.firstDelay(), login.maxDelay(),
				login.forgetAfter());
		this.perEmail = new LoginDelays(login.freeAttemptsPerEmail(), login.firstDelay(), login.maxDelay(),
				login.forgetAfter());
	}

	/**
	 * Counts an attempt to log in, unless it has to wait; call in a transaction, before
	 * the password is checked.
	 * @param clientAddress where the attempt comes from
	 * @param email the e-mail it is for, normalized
	 * @param now the time
	 * @return how long the attempt must wait when it may not go ahead now
	 */
	Optional<Duration> attempt(String clientAddress, String email, Instant now) {
		String addressKey = Digests.sha256Hex(clientAddress + "\n" + email);
		String emailKey = Digests.sha256Hex(email);
		Duration wait = max(waitFor(PER_ADDRESS, addressKey, this.perAddress, now),
				waitFor(PER_EMAIL, emailKey, this.perEmail, now));
		if (!wait.isZero()) {
			return Optional.of(wait);
		}
		count(PER_ADDRESS, addressKey, this.perAddress, now);
		count(PER_EMAIL, emailKey, this.perEmail, now);
		return Optional.empty();
	}

	/**
	 * A successful login: the attempts of this address and e-mail no longer count.
	 * @param clientAddress where it came from
	 * @param email the e-mail, normalized
	 */
	void succeeded(String clientAddress, String email) {
		this.jdbc.sql("delete from login_attempts where (kind = ? and key_hash = ?) or (kind = ? and key_hash = ?)")
			.params(PER_ADDRESS, Digests.sha256Hex(clientAddress + "\n" + email), PER_EMAIL, Digests.sha256Hex(email))
			.update();
	}

	int forgetBefore(Instant cutoff) {
		return this.jdbc.sql("delete from login_attempts where last_attempt_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	/** Locks the counter's row (made if missing) and says how long to wait. */
	private Duration waitFor(String kind, String key, LoginDelays delays, Instant now) {
		this.jdbc.sql("""
				insert into login_attempts (kind, key_hash, attempts, last_attempt_at) values (?, ?, 0, ?)
				on conflict do nothing""").params(kind, key, Timestamp.from(now)).update();
		return this.jdbc
			.sql("select attempts, last_attempt_at from login_attempts where kind = ? and key_hash = ? for update")
			.params(kind, key)
			.query((rs, row) -> {
				int attempts = rs.getInt(1);
				return (attempts == 0) ? Duration.ZERO : delays.waitFor(attempts, rs.getTimestamp(2).toInstant(), now);
			})
			.single();
	}

	private void count(String kind, String key, LoginDelays delays, Instant now) {
		Instant forgetBefore = now.minus(delays.forgetAfter());
		this.jdbc.sql("""
				update login_attempts
				set attempts = case when last_attempt_at <= ? then 1 else attempts + 1 end, last_attempt_at = ?
				where kind = ? and key_hash = ?""")
			.params(Timestamp.from(forgetBefore), Timestamp.from(now), kind, key)
			.update();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
