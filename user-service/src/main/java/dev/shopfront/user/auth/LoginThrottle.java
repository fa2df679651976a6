package dev.shopfront.user.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.shopfront.user.config.UserProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per e-mail address (known or not, so it reveals nothing) in the
 * database, so every instance sees the same count, and locks the address out for a while
 * after too many.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final UserProperties.Login settings;

	LoginThrottle(JdbcClient jdbc, UserProperties properties) {
		this.jdbc = jdbc;
		this.settings = properties.login();
	}

	Optional<Duration> lockedFor(String email, Instant now) {
		return this.jdbc.sql("select locked_until from login_failures where email = ? and locked_until > ?")
			.params(email, Timestamp.from(now))
			.query((rs, row) -> Duration.between(now, rs.getTimestamp(1).toInstant()))
			.optional();
	}

	void recordFailure(String email, Instant now) {
		Timestamp windowStart = Timestamp.from(now.minus(this.settings.window()));
		this.jdbc.sql("""
				insert into login_failures (email, failures, window_started_at) values (:email, 1, :now)
				on conflict (email) do update set
				  failures = case when login_failures.window_started_at < :windowStart then 1
				                  else login_failures.failures + 1 end,
				  window_started_at = case when login_failures.window_started_at < :windowStart then :now
				                           else login_failures.window_started_at end
				""").param("email", email).param("now", Timestamp.from(now)).param("windowStart", windowStart).update();
		this.jdbc.sql("""
				update login_failures set locked_until = :until, failures = 0, window_started_at = :now
				where email = :email and failures >= :max
				""")
			.param("until", Timestamp.from(now.plus(this.settings.lockout())))
			.param("now", Timestamp.from(now))
			.param("email", email)
			.param("max", this.settings.maxFailures())
			.update();
	}

	void reset(String email) {
		this.jdbc.sql("delete from login_failures where email = ?").param(email).update();
	}

	int forgetBefore(Instant cutoff) {
		return this.jdbc.sql(
				"delete from login_failures where window_started_at < ? and (locked_until is null or locked_until < ?)")
			.params(Timestamp.from(cutoff), Timestamp.from(cutoff))
			.update();
	}

}
