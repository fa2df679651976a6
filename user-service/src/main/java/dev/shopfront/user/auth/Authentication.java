package dev.shopfront.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.user.account.Account;
import dev.shopfront.user.account.AccountManagement;
import dev.shopfront.user.account.Accounts;
import dev.shopfront.user.account.PasswordPolicy;
import dev.shopfront.user.auth.TokenIssuer.AccessToken;
import dev.shopfront.user.config.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token use cases: log in with e-mail and password, rotate a refresh token, log out,
 * change the password (which ends every session), and issue a service token for client
 * credentials. Password hashes are checked outside any transaction.
 */
@Service
public class Authentication {

	private static final Logger log = LoggerFactory.getLogger(Authentication.class);

	private final Accounts accounts;

	private final AccountManagement accountManagement;

	private final RefreshTokens refreshTokens;

	private final LoginThrottle throttle;

	private final TokenIssuer issuer;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final UserProperties properties;

	private final Clock clock;

	private final String dummyHash;

	Authentication(Accounts accounts, AccountManagement accountManagement, RefreshTokens refreshTokens,
			LoginThrottle throttle, TokenIssuer issuer, PasswordEncoder passwords, TransactionTemplate transactions,
			UserProperties properties, Clock clock) {
		this.accounts = accounts;
		this.accountManagement = accountManagement;
		this.refreshTokens = refreshTokens;
		this.throttle = throttle;
		this.issuer = issuer;
		this.passwords = passwords;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.dummyHash = passwords.encode("a password nobody has, to spend the same time");
	}

	/**
	 * Logs in; the same answer whether the e-mail is unknown or the password wrong. The
	 * attempt is counted before the password is checked, and may have to wait
	 * ({@link LoginThrottle}).
	 * @param email e-mail as typed
	 * @param password password
	 * @param clientAddress where the attempt comes from
	 * @return access and refresh token
	 * @throws InvalidCredentialsException when they do not match
	 * @throws LoginThrottledException while this attempt has to wait
	 */
	public Tokens login(String email, String password, String clientAddress) {
		String normalized = Account.normalizeEmail(email);
		Instant now = this.clock.instant();
		Optional<Duration> wait = this.transactions
			.execute((status) -> this.throttle.attempt(clientAddress, normalized, now));
		if (wait != null && wait.isPresent()) {
			throw new LoginThrottledException(wait.get());
		}
		if (PasswordPolicy.tooLongToHash(password)) {
			// no password of an account can be this long: a wrong one, without a hash
			throw new InvalidCredentialsException();
		}
		Optional<Account> account = this.accounts.findByEmail(normalized);
		boolean matches = account.map((a) -> this.passwords.matches(password, a.passwordHash()))
			.orElseGet(() -> this.passwords.matches(password, this.dummyHash) && false);
		if (!matches) {
			throw new InvalidCredentialsException();
		}
		return this.transactions.execute((status) -> {
			this.throttle.succeeded(clientAddress, normalized);
			return issue(account.get(), UUID.randomUUID(), now);
		});
	}

	/**
	 * Rotates a refresh token: the presented one is spent and a new one of the same
	 * family returned. Presenting a spent token again revokes the whole family (it was
	 * stolen or replayed), and that revocation is kept even though the call fails.
	 * @param refreshToken the token
	 * @return new access and refresh token
	 * @throws InvalidRefreshTokenException when the token is unknown, expired, spent or
	 * revoked
	 */
	@Transactional(noRollbackFor = InvalidRefreshTokenException.class)
	public Tokens refresh(String refreshToken) {
		Instant now = this.clock.instant();
		RefreshTokens.Stored stored = this.refreshTokens.find(refreshToken)
			.orElseThrow(InvalidRefreshTokenException::new);
		if (stored.revokedAt() != null || !stored.expiresAt().isAfter(now)) {
			throw new InvalidRefreshTokenException();
		}
		if (stored.usedAt() != null || !this.refreshTokens.spend(stored.id(), now)) {
			int revoked = this.refreshTokens.revokeFamily(stored.family(), now);
			log.warn("Refresh token reuse for account {}: revoked its family {} ({} tokens)", stored.accountId(),
					stored.family(), revoked);
			throw new InvalidRefreshTokenException();
		}
		Account account = this.accounts.findById(stored.accountId()).orElseThrow(InvalidRefreshTokenException::new);
		return issue(account, stored.family(), now);
	}

	/**
	 * Logs out: the refresh token's family is revoked, so neither it nor any token
	 * rotated from it gives a new access token. Access tokens already issued stay valid
	 * until they expire (15 minutes by default): they are checked by signature alone.
	 * Idempotent; an unknown token changes nothing.
	 * @param refreshToken the refresh token of the session to end
	 */
	@Transactional
	public void logout(String refreshToken) {
		Instant now = this.clock.instant();
		this.refreshTokens.find(refreshToken).ifPresent((stored) -> {
			int revoked = this.refreshTokens.revokeFamily(stored.family(), now);
			log.info("Account {} logged out: revoked refresh family {} ({} tokens)", stored.accountId(),
					stored.family(), revoked);
		});
	}

	/**
	 * Changes a password: the current one must match (counted and delayed like a login),
	 * the new one must meet the policy, and every session of the account ends (all its
	 * refresh-token families are revoked).
	 * @param accountId the account
	 * @param currentPassword its password now
	 * @param newPassword the new password
	 * @param clientAddress where the request comes from
	 * @throws WrongPasswordException when the current password does not match
	 * @throws LoginThrottledException while this attempt has to wait
	 * @throws dev.shopfront.user.account.WeakPasswordException when the new password
	 * breaks the policy
	 */
	public void changePassword(UUID accountId, String currentPassword, String newPassword, String clientAddress) {
		Account account = this.accountManagement.find(accountId);
		Instant now = this.clock.instant();
		Optional<Duration> wait = this.transactions
			.execute((status) -> this.throttle.attempt(clientAddress, account.email(), now));
		if (wait != null && wait.isPresent()) {
			throw new LoginThrottledException(wait.get());
		}
		if (PasswordPolicy.tooLongToHash(currentPassword)
				|| !this.passwords.matches(currentPassword, account.passwordHash())) {
			throw new WrongPasswordException();
		}
		PasswordPolicy.check(newPassword, account.email());
		String hash = this.passwords.encode(newPassword);
		this.transactions.executeWithoutResult((status) -> {
			this.throttle.succeeded(clientAddress, account.email());
			this.accountManagement.replacePasswordHash(accountId, hash);
			int revoked = this.refreshTokens.revokeAllOf(accountId, now);
			log.info("Account {} changed its password: revoked {} refresh tokens", accountId, revoked);
		});
	}

	/**
	 * A SERVICE token for a configured client.
	 * @param clientId the client
	 * @param secret its secret
	 * @return the access token
	 * @throws InvalidClientException when the client is unknown or the secret wrong
	 */
	public ServiceToken serviceToken(String clientId, String secret) {
		UserProperties.ServiceClient client = this.properties.serviceClients().get(clientId);
		boolean matches = (client != null) ? this.passwords.matches(secret, client.secret())
				: this.passwords.matches(secret, this.dummyHash) && false;
		if (!matches) {
			throw new InvalidClientException();
		}
		AccessToken token = this.issuer.forService(clientId);
		return new ServiceToken(token.value(), token.expiresIn());
	}

	private Tokens issue(Account account, UUID family, Instant now) {
		AccessToken access = this.issuer.forAccount(account);
		String refresh = this.refreshTokens.issue(family, account.id(), now,
				now.plus(this.properties.jwt().refreshTokenTtl()));
		return new Tokens(access.value(), access.expiresIn(), refresh);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void forgetOldRecords() {
		Instant now = this.clock.instant();
		int tokens = this.refreshTokens.deleteExpiredBefore(now.minus(Duration.ofDays(1)));
		int attempts = this.throttle.forgetBefore(now.minus(Duration.ofDays(1)));
		log.debug("Purged {} expired refresh tokens and {} old login attempt records", tokens, attempts);
	}

	/**
	 * What a login or refresh returns.
	 *
	 * @param accessToken the JWT
	 * @param expiresIn seconds until the access token expires
	 * @param refreshToken the opaque refresh token
	 */
	public record Tokens(String accessToken, long expiresIn, String refreshToken) {
	}

	/**
	 * What a client-credentials grant returns.
	 *
	 * @param accessToken the JWT
	 * @param expiresIn seconds until it expires
	 */
	public record ServiceToken(String accessToken, long expiresIn) {
	}

}
