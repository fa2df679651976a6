package dev.shopfront.user.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.chassis.crypto.Digests;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * E-mail verification codes, kept only as SHA-256 hashes. A code is used at most once:
 * using it is one conditional UPDATE.
 */
@Repository
class EmailVerifications {

	private final JdbcClient jdbc;

	EmailVerifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new code for an account's address.
	 * @return the code in clear, to e-mail once, and its record
	 */
	Issued issue(UUID accountId, String email, Instant now, Instant expiresAt) {
		String token = Digests.randomToken(24);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into email_verifications (id, account_id, token_hash, email, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, accountId, Digests.sha256Hex(token), email, Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
		return new Issued(id, token, expiresAt);
	}

	/**
	 * Uses a code: the account it verifies, if the code is known, unused and not expired.
	 * @param token the code in clear
	 * @param now the time
	 * @return the account and the address the code was sent to
	 */
	Optional<Used> use(String token, Instant now) {
		return this.jdbc.sql("""
				update email_verifications set used_at = ?
				where token_hash = ? and used_at is null and expires_at > ?
				returning account_id, email""")
			.params(Timestamp.from(now), Digests.sha256Hex(token), Timestamp.from(now))
			.query((rs, row) -> new Used(rs.getObject(1, UUID.class), rs.getString(2)))
			.optional();
	}

	/**
	 * When the newest code of an account was issued.
	 * @param accountId the account
	 * @return the time, if it has any
	 */
	Optional<Instant> lastIssued(UUID accountId) {
		return this.jdbc.sql("select max(created_at) from email_verifications where account_id = ?")
			.param(accountId)
			.query((rs, row) -> rs.getTimestamp(1))
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * Ends every unused code of an account (a newer one replaces them).
	 * @param accountId the account
	 * @param now the time
	 */
	void retireAll(UUID accountId, Instant now) {
		this.jdbc
			.sql("update email_verifications set expires_at = ? where account_id = ? and used_at is null"
					+ " and expires_at > ?")
			.params(Timestamp.from(now), accountId, Timestamp.from(now))
			.update();
	}

	/**
	 * A new code.
	 *
	 * @param id its id
	 * @param token the code in clear
	 * @param expiresAt until when it can be used
	 */
	record Issued(UUID id, String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "Issued[id=" + this.id + ", token=***, expiresAt=" + this.expiresAt + "]";
		}

	}

	/**
	 * A code that was used.
	 *
	 * @param accountId the account it verifies
	 * @param email the address it was sent to
	 */
	record Used(UUID accountId, String email) {
	}

}
