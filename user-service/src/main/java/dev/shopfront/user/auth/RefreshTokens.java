package dev.shopfront.user.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.chassis.crypto.Digests;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens, kept only as SHA-256 hashes; each belongs to a family that rotation
 * extends and reuse revokes. Spending a token is one conditional UPDATE, so two requests
 * with the same token cannot both win.
 */
@Repository
class RefreshTokens {

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new token of a family.
	 * @param family the family
	 * @param accountId whose it is
	 * @param now when it is issued
	 * @param expiresAt when it expires
	 * @return the token in clear, to give to the client once
	 */
	String issue(UUID family, UUID accountId, Instant now, Instant expiresAt) {
		String token = Digests.randomToken(32);
		this.jdbc
			.sql("insert into refresh_tokens (id, token_hash, family_id, account_id, issued_at, expires_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), Digests.sha256Hex(token), family, accountId, Timestamp.from(now),
					Timestamp.from(expiresAt))
			.update();
		return token;
	}

	Optional<Stored> find(String token) {
		return this.jdbc.sql(
				"select id, family_id, account_id, expires_at, used_at, revoked_at from refresh_tokens where token_hash = ?")
			.param(Digests.sha256Hex(token))
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
					rs.getObject("account_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
					instant(rs.getTimestamp("used_at")), instant(rs.getTimestamp("revoked_at"))))
			.optional();
	}

	boolean spend(UUID id, Instant now) {
		return this.jdbc
			.sql("update refresh_tokens set used_at = ? where id = ? and used_at is null and revoked_at is null")
			.params(Timestamp.from(now), id)
			.update() == 1;
	}

	int revokeFamily(UUID family, Instant now) {
		return this.jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
			.params(Timestamp.from(now), family)
			.update();
	}

	int revokeAllOf(UUID accountId, Instant now) {
		return this.jdbc.sql("update refresh_tokens set revoked_at = ? where account_id = ? and revoked_at is null")
			.params(Timestamp.from(now), accountId)
			.update();
	}

	int deleteExpiredBefore(Instant cutoff) {
		return this.jdbc.sql("delete from refresh_tokens where expires_at < ?").param(Timestamp.from(cutoff)).update();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A stored refresh token.
	 *
	 * @param id its id
	 * @param family its family
	 * @param accountId whose it is
	 * @param expiresAt when it expires
	 * @param usedAt when it was spent, if it was
	 * @param revokedAt when its family was revoked, if it was
	 */
	record Stored(UUID id, UUID family, UUID accountId, Instant expiresAt, @Nullable Instant usedAt,
			@Nullable Instant revokedAt) {
	}

}
