package dev.shopfront.user.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A customer's or administrator's account: credentials, profile, default shipping address
 * and preferences, changed only through its methods. Optimistic locking guards concurrent
 * changes.
 */
@Entity
@Table(name = "accounts")
public class Account {

	@Id
	private UUID id;

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "full_name")
	private String fullName;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Embedded
	private @Nullable Address shippingAddress;

	@Embedded
	private Preferences preferences;

	@Column(name = "email_verified_at")
	private @Nullable Instant emailVerifiedAt;

	@Version
	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Account() {
		// for JPA
	}

	private Account(UUID id, String email, String passwordHash, String fullName, Role role,
			@Nullable Address shippingAddress, Instant now) {
		this.id = id;
		this.email = email;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.role = role;
		this.shippingAddress = shippingAddress;
		this.preferences = Preferences.defaults();
		this.createdAt = now;
		this.updatedAt = now;
	}

	static Account register(String email, String passwordHash, String fullName, @Nullable Address shippingAddress,
			Role role, Instant now) {
		return new Account(UUID.randomUUID(), normalizeEmail(email), passwordHash, fullName.strip(), role,
				shippingAddress, now);
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
		return (this.preferences != null) ? this.preferences : Preferences.defaults();
	}

	public long version() {
		return this.version;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
