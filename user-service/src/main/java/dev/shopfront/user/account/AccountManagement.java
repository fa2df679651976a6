package dev.shopfront.user.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.user.config.UserProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account use cases: register, verify the e-mail address, read, change the profile,
 * and make sure the first administrator exists. Passwords are hashed before a transaction
 * starts, so a slow hash never holds a database connection. Every change announces itself
 * ({@code user.registered}, {@code user.updated}) through the outbox, in the transaction
 * that makes it.
 */
@Service
public class AccountManagement {

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final AccountEventPublisher events;

	private final Clock clock;

	private final EmailVerifications verifications;

	private final UserProperties.Verification verification;

	AccountManagement(Accounts accounts, PasswordEncoder passwords, TransactionTemplate transactions,
			AccountEventPublisher events, Clock clock, EmailVerifications verifications, UserProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.verifications = verifications;
		this.verification = properties.verification();
	}

	/**
	 * Registers a customer.
	 * @param registration what they gave
	 * @return the new account
	 * @throws WeakPasswordException when the password breaks the policy
	 * @throws EmailTakenException when the e-mail is taken
	 */
	public Account register(Registration registration) {
		return create(registration, Role.CUSTOMER);
	}

	/**
	 * Creates the administrator from configuration unless an account with that e-mail
	 * exists; safe when several instances start at once.
	 * @param email its e-mail
	 * @param password its password
	 * @param fullName its name
	 */
	public void ensureAdmin(String email, String password, String fullName) {
		if (this.accounts.existsByEmail(Account.normalizeEmail(email))) {
			return;
		}
		try {
			Account admin = create(new Registration(email, password, fullName, null), Role.ADMIN);
			log.info("Created the bootstrap administrator {}", admin.id());
		}
		catch (EmailTakenException ex) {
			// another instance made it first
		}
	}

	private Account create(Registration registration, Role role) {
		PasswordPolicy.check(registration.password(), registration.email());
		String hash = this.passwords.encode(registration.password());
		try {
			return this.transactions.execute((status) -> {
				String email = Account.normalizeEmail(registration.email());
				if (this.accounts.existsByEmail(email)) {
					throw new EmailTakenException();
				}
				Instant now = this.clock.instant();
				Account created = Account.register(email, hash, registration.fullName(), registration.shippingAddress(),
						role, now);
				if (role == Role.ADMIN) {
					created.verifyEmail(now); // the operator configured this address
				}
				this.accounts.insert(created);
				Account account = created;
				this.events.registered(account);
				if (!account.emailVerified()) {
					requestVerification(account, now);
				}
				log.info("Registered account {} ({})", account.id(), role);
				return account;
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (violates(ex, "accounts_email_key")) {
				throw new EmailTakenException(); // registered by a request that raced
													// this one
			}
			throw ex;
		}
	}

	/**
	 * Verifies an account's e-mail address with the code that was e-mailed to it; from
	 * then on notification-service sends it more than the code ({@code user.updated}
	 * tells it). A code is used once.
	 * @param token the code
	 * @throws InvalidVerificationTokenException when the code is unknown, used or expired
	 */
	@Transactional
	public void verifyEmail(String token) {
		Instant now = this.clock.instant();
		EmailVerifications.Used used = this.verifications.use(token, now)
			.orElseThrow(InvalidVerificationTokenException::new);
		Account account = find(used.accountId());
		if (!account.email().equals(used.email())) {
			throw new InvalidVerificationTokenException(); // sent to an address the
															// account no longer has
		}
		if (account.verifyEmail(now)) {
			Account verified = this.accounts.update(account);
			this.events.updated(verified);
			log.info("Account {} verified its e-mail address", verified.id());
		}
	}

	/**
	 * E-mails a new verification code (the old ones stop working), at most once per
	 * {@code shopfront.user.verification.resend-after}.
	 * @param id the account
	 * @throws EmailAlreadyVerifiedException when there is nothing to verify
	 * @throws VerificationRecentlySentException when the last code went out too recently
	 */
	@Transactional
	public void resendVerification(UUID id) {
		Account account = find(id);
		if (account.emailVerified()) {
			throw new EmailAlreadyVerifiedException();
		}
		Instant now = this.clock.instant();
		Optional<Instant> last = this.verifications.lastIssued(id);
		if (last.isPresent() && last.get().plus(this.verification.resendAfter()).isAfter(now)) {
			throw new VerificationRecentlySentException(
					Duration.between(now, last.get().plus(this.verification.resendAfter())));
		}
		this.verifications.retireAll(id, now);
		requestVerification(account, now);
	}

	private void requestVerification(Account account, Instant now) {
		EmailVerifications.Issued issued = this.verifications.issue(account.id(), account.email(), now,
				now.plus(this.verification.ttl()));
		this.events.verificationRequested(account, issued.id(), issued.token(), issued.expiresAt());
	}

	/**
	 * Replaces an account's password hash; in the caller's transaction (the change of
	 * password itself, with its checks, is {@code Authentication#changePassword}).
	 * @param id the account
	 * @param passwordHash the new hash
	 * @return the account
	 * @throws AccountNotFoundException when there is none
	 */
	@Transactional
	public Account replacePasswordHash(UUID id, String passwordHash) {
		Account account = find(id);
		account.changePassword(passwordHash, this.clock.instant());
		return this.accounts.update(account);
	}

	private static boolean violates(DataIntegrityViolationException ex, String constraint) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains(constraint)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	/**
	 * One account.
	 * @param id its id
	 * @return the account
	 * @throws AccountNotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public Account find(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
	}

	/**
	 * Changes name, default shipping address and preferences; what the change leaves out
	 * stays as it is.
	 * @param id the account
	 * @param change the change
	 * @param expectedVersion the version the client last read, or null to not check
	 * @return the account as it is now
	 * @throws StaleAccountException when the account moved past the expected version
	 */
	@Transactional
	public Account changeProfile(UUID id, ProfileChange change, @Nullable Long expectedVersion) {
		Account account = find(id);
		if (expectedVersion != null && expectedVersion != account.version()) {
			throw new StaleAccountException(expectedVersion, account.version());
		}
		var now = this.clock.instant();
		if (change.fullName() != null) {
			account.rename(change.fullName(), now);
		}
		if (change.shippingAddress() != null) {
			account.moveTo(change.shippingAddress().orElse(null), now);
		}
		if (change.marketingEmails() != null || change.language() != null) {
			Preferences current = account.preferences();
			account.prefer(new Preferences(
					(change.marketingEmails() != null) ? change.marketingEmails() : current.marketingEmails(),
					(change.language() != null) ? change.language() : current.language()), now);
		}
		if (change.fullName() == null && change.shippingAddress() == null && change.marketingEmails() == null
				&& change.language() == null) {
			return account; // nothing to write, nothing to announce
		}
		Account changed = this.accounts.update(account);
		this.events.updated(changed);
		return changed;
	}

	/**
	 * What a new customer gives.
	 *
	 * @param email e-mail address
	 * @param password password in clear, checked against the policy
	 * @param fullName name
	 * @param shippingAddress default shipping address, if given
	 */
	public record Registration(String email, String password, String fullName, @Nullable Address shippingAddress) {
	}

	/**
	 * A change of profile; a null member means "leave as is", an empty
	 * {@code shippingAddress} removes the address.
	 *
	 * @param fullName new name
	 * @param shippingAddress new default address, or empty to remove it
	 * @param marketingEmails new marketing choice
	 * @param language new language
	 */
	public record ProfileChange(@Nullable String fullName, @Nullable Optional<Address> shippingAddress,
			@Nullable Boolean marketingEmails, @Nullable String language) {
	}

}
