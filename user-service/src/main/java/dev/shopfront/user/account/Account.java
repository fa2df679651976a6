package dev.shopfront.user.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer's or administrator's account: credentials, profile, default shipping address
 * and preferences, changed only through its methods. Optimistic locking guards concurrent
 * changes: {@link Accounts} writes it only over the version it was read at.
 */
public class Account {

	private final UUID id;

	private final String email;

	private String passwordHash;

	private String fullName;

	private final Role role;

	private @Nullable Address shippingAddress;

	private Preferences preferences;

	private @Nullable Instant emailVerifiedAt;

	/** The version read or last written (a new account is stored as 0). */
	private long version;

	private final Instant createdAt;

	private Instant updatedAt;

	/** An account as stored ({@link Accounts}). */
	Account(UUID id, String email, String passwordHash, String fullName, Role role, @Nullable Address shippingAddress,
			Preferences preferences, @Nullable Instant emailVerifiedAt, long version, Instant createdAt,
			Instant updatedAt) {
		this.id = id;
		this.email = email;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.role = role;
		this.shippingAddress = shippingAddress;
		this.preferences = preferences;
		this.emailVerifiedAt = emailVerifiedAt;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static Account register(String email, String passwordHash, String fullName, @Nullable Address shippingAddress,
			Role role, Instant now) {
		return new Account(UUID.randomUUID(), normalizeEmail(email), passwordHash, fullName.strip(), role,
				shippingAddress, Preferences.defaults(), null, 0, now, now);
	}

	/**
	 * The canonical form of an e-mail address: trimmed, lower case.
	 * @param email as typed
	 * @return as stored and compared
	 */
	public static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The owner proved the address is theirs.
	 * @param now the time
	 * @return whether this changed anything (false when it was verified before)
	 */
	boolean verifyEmail(Instant now) {
		if (this.emailVerifiedAt != null) {
			return false;
		}
		this.emailVerifiedAt = now;
		this.updatedAt = now;
		return true;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	void rename(String fullName, Instant now) {
		this.fullName = fullName.strip();
		this.updatedAt = now;
	}

	void moveTo(@Nullable Address address, Instant now) {
		this.shippingAddress = address;
		this.updatedAt = now;
	}

	void prefer(Preferences preferences, Instant now) {
		this.preferences = preferences;
		this.updatedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String passwordHash() {
		return this.passwordHash;
	}

	/**
	 * Whether the owner proved the e-mail address is theirs; until then nothing but the
	 * verification code is sent to it.
	 * @return true once verified
	 */
	public boolean emailVerified() {
		return this.emailVerifiedAt != null;
	}

	public String fullName() {
		return this.fullName;
	}

	public Role role() {
		return this.role;
	}

	public @Nullable Address shippingAddress() {
		return this.shippingAddress;
	}

	public Preferences preferences() {
		return this.preferences;
	}

	@Nullable Instant emailVerifiedAt() {
		return this.emailVerifiedAt;
	}

	public long version() {
		return this.version;
	}

	/** {@link Accounts} wrote this account as the given version. */
	void stored(long version) {
		this.version = version;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
