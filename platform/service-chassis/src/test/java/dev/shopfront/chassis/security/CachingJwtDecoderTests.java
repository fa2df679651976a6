package dev.shopfront.chassis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each distinct token is checked once; a cached token is still validated on every use.
 */
class CachingJwtDecoderTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	private final AtomicInteger checks = new AtomicInteger();

	private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);

	/**
	 * Stands for the signature check: accepts tokens named "good-...", as Jwts expiring
	 * in 5 minutes.
	 */
	private final JwtDecoder signatureCheck = (token) -> {
		this.checks.incrementAndGet();
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject(token)
			.issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(5)))
			.build();
	};

	private final CachingJwtDecoder decoder = new CachingJwtDecoder(this.signatureCheck, this.expiry, 100,
			Duration.ofMinutes(10));

	CachingJwtDecoderTests() {
		at(NOW);
	}

	@Test
	void checksEachDistinctTokenOnce() {
		Jwt first = this.decoder.decode("good-a");
		assertThat(this.decoder.decode("good-a")).isSameAs(first);
		assertThat(this.decoder.decode("good-b").getSubject()).isEqualTo("good-b");
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void refusesACachedTokenOnceItHasExpiredAndChecksItAfreshAfterwards() {
		this.decoder.decode("good-a");
		at(NOW.plus(Duration.ofMinutes(6)));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode("good-a"))
			.withMessageContaining("expired");
		assertThat(this.checks).hasValue(1);
		this.decoder.decode("good-a"); // no longer cached: the delegate decides again
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void keepsNoTokenThatFailedItsCheck() {
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));
		}
		assertThat(this.checks).hasValue(3);
	}

	private void at(Instant instant) {
		this.expiry.setClock(Clock.fixed(instant, ZoneOffset.UTC));
	}

}
