package dev.shopfront.user.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All accounts, in plain SQL: an account is read whole and written whole with one UPDATE
 * guarded by the version it was read at.
 */
@Repository
public class Accounts {

	private static final String SELECT = """
			select id, email, password_hash, full_name, role, address_line1, address_line2, address_city,
			       address_postal_code, address_country, marketing_emails, language, email_verified_at, version,
			       created_at, updated_at
			from accounts
			""";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An account by id.
	 * @param id its id
	 * @return the account, if there is one
	 */
	public Optional<Account> findById(UUID id) {
		return this.jdbc.sql(SELECT + " where id = ?").param(id).query(Accounts::account).optional();
	}

	/**
	 * An account by e-mail address.
	 * @param normalizedEmail the address, as {@link Account#normalizeEmail} leaves it
	 * @return the account, if there is one
	 */
	public Optional<Account> findByEmail(String normalizedEmail) {
		return this.jdbc.sql(SELECT + " where email = ?").param(normalizedEmail).query(Accounts::account).optional();
	}

	boolean existsByEmail(String normalizedEmail) {
		return this.jdbc.sql("select exists (select 1 from accounts where email = ?)")
			.param(normalizedEmail)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Stores a new account as version 0.
	 * @param account the account
	 * @throws org.springframework.dao.DuplicateKeyException when its e-mail address is
	 * taken ({@code accounts_email_key})
	 */
	void insert(Account account) {
		@Nullable Address address = account.shippingAddress();
		this.jdbc.sql("""
				insert into accounts (id, email, password_hash, full_name, role, address_line1, address_line2,
				                      address_city, address_postal_code, address_country, marketing_emails, language,
				                      email_verified_at, version, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
				""")
			.params(account.id(), account.email(), account.passwordHash(), account.fullName(), account.role().name(),
					(address != null) ? address.line1() : null, (address != null) ? address.line2() : null,
					(address != null) ? address.city() : null, (address != null) ? address.postalCode() : null,
					(address != null) ? address.country() : null, account.preferences().marketingEmails(),
					account.preferences().language(), timestamp(account.emailVerifiedAt()),
					Timestamp.from(account.createdAt()), Timestamp.from(account.updatedAt()))
			.update();
		account.stored(0);
	}

	/**
	 * Writes a changed account over the version it was read at; it is then one version
	 * newer.
	 * @param account the account
	 * @return the account
	 * @throws OptimisticLockingFailureException when another writer changed it meanwhile
	 */
	public Account update(Account account) {
		@Nullable Address address = account.shippingAddress();
		int updated = this.jdbc.sql("""
				update accounts set password_hash = ?, full_name = ?, address_line1 = ?, address_line2 = ?,
				                    address_city = ?, address_postal_code = ?, address_country = ?,
				                    marketing_emails = ?, language = ?, email_verified_at = ?, updated_at = ?,
				                    version = version + 1
				where id = ? and version = ?
				""")
			.params(account.passwordHash(), account.fullName(), (address != null) ? address.line1() : null,
					(address != null) ? address.line2() : null, (address != null) ? address.city() : null,
					(address != null) ? address.postalCode() : null, (address != null) ? address.country() : null,
					account.preferences().marketingEmails(), account.preferences().language(),
					timestamp(account.emailVerifiedAt()), Timestamp.from(account.updatedAt()), account.id(),
					account.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Account " + account.id() + " was changed or removed since version " + account.version());
		}
		account.stored(account.version() + 1);
		return account;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		String line1 = rs.getString("address_line1");
		Address address = (line1 != null) ? new Address(line1, rs.getString("address_line2"),
				rs.getString("address_city"), rs.getString("address_postal_code"), rs.getString("address_country"))
				: null;
		Timestamp verified = rs.getTimestamp("email_verified_at");
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				rs.getString("full_name"), Role.valueOf(rs.getString("role")), address,
				new Preferences(rs.getBoolean("marketing_emails"), rs.getString("language")),
				(verified != null) ? verified.toInstant() : null, rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
