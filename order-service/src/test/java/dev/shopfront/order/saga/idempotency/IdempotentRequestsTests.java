package dev.shopfront.order.saga.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.order.saga.idempotency.IdempotencyKeyException.Kind;
import dev.shopfront.order.saga.idempotency.IdempotencyKeys.Key;
import dev.shopfront.order.saga.idempotency.IdempotentRequests.Outcome;
import dev.shopfront.testsupport.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Idempotency-Key protocol on a clock the test moves: each pause moves it by the poll
 * interval, so waiting takes no time and every branch is reached on purpose.
 */
class IdempotentRequestsTests {

	private static final Duration WAIT = Duration.ofSeconds(2);

	private static final Duration STALE_AFTER = Duration.ofSeconds(10);

	private static final String HASH = "a".repeat(64);

	private final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));

	private final List<Duration> pauses = new ArrayList<>();

	private final IdempotentRequests requests = new IdempotentRequests(this.clock, (duration) -> {
		this.pauses.add(duration);
		this.clock.advance(duration);
	}, WAIT, STALE_AFTER);

	private final UUID first = UUID.randomUUID();

	@Test
	void theFirstRequestRunsWhatItClaimed() throws Exception {
		Script attempts = new Script().claims(new Claim.Started(this.first));
		assertThat(this.requests.handle(HASH, attempts)).isEqualTo(new Outcome.Fresh<>("ran " + this.first));
		assertThat(attempts.ran).containsExactly(this.first);
		assertThat(this.pauses).isEmpty();
	}

	@Test
	void aRepeatOfAnAnsweredRequestGetsItsStoredAnswer() throws Exception {
		Key answered = key(HASH, 201, this.clock.instant());
		Script attempts = new Script().claims(new Claim.Taken(answered));
		assertThat(this.requests.handle(HASH, attempts)).isEqualTo(new Outcome.Replay<>(answered));
		assertThat(attempts.ran).isEmpty();
	}

	@Test
	void theKeyOfAnotherRequestIsRefused() {
		Script attempts = new Script().claims(new Claim.Taken(key("b".repeat(64), 201, this.clock.instant())));
		assertThatExceptionOfType(IdempotencyKeyException.class).isThrownBy(() -> this.requests.handle(HASH, attempts))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.REUSED));
		assertThat(attempts.ran).isEmpty();
	}

	@Test
	void aRepeatOfAFailedRequestRunsAnewOnceWhatItStartedIsSettled() throws Exception {
		UUID second = UUID.randomUUID();
		Script attempts = new Script()
			.claims(new Claim.Taken(key(HASH, 503, this.clock.instant())), new Claim.Started(second))
			.settles(true);
		assertThat(this.requests.handle(HASH, attempts)).isEqualTo(new Outcome.Fresh<>("ran " + second));
		assertThat(attempts.settled).containsExactly(this.first);
	}

	@Test
	void aRepeatOfAFailedRequestGetsTheFailureWhileWhatItStartedCannotBeSettled() throws Exception {
		Key failed = key(HASH, 503, this.clock.instant());
		Script attempts = new Script().claims(new Claim.Taken(failed)).settles(false);
		assertThat(this.requests.handle(HASH, attempts)).isEqualTo(new Outcome.Replay<>(failed));
		assertThat(attempts.ran).isEmpty();
	}

	@Test
	void aRepeatWaitsForTheFirstRequestsAnswer() throws Exception {
		Key running = key(HASH, null, this.clock.instant());
		Key answered = key(HASH, 201, running.createdAt());
		Script attempts = new Script().claims(new Claim.Taken(running), new Claim.Taken(running),
				new Claim.Taken(running), new Claim.Taken(answered));
		assertThat(this.requests.handle(HASH, attempts)).isEqualTo(new Outcome.Replay<>(answered));
		assertThat(this.pauses).containsExactly(IdempotentRequests.POLL, IdempotentRequests.POLL,
				IdempotentRequests.POLL);
	}

	@Test
	void aRepeatGivesUpWaitingAfterTheWait() {
		Script attempts = new Script().alwaysClaims(new Claim.Taken(key(HASH, null, this.clock.instant())));
		Instant start = this.clock.instant();
		assertThatExceptionOfType(IdempotencyKeyException.class).isThrownBy(() -> this.requests.handle(HASH, attempts))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.IN_PROGRESS));
		assertThat(Duration.between(start, this.clock.instant())).isGreaterThan(WAIT)
			.isLessThanOrEqualTo(WAIT.plus(IdempotentRequests.POLL));
		assertThat(attempts.asked).as("a stale first request is looked at; this one is not").isEmpty();
	}

	@Test
	void aRepeatOfARequestThatDiedAnswersFromTheStateAsItStands() throws Exception {
		Instant died = this.clock.instant().minus(STALE_AFTER);
		Script attempts = new Script().alwaysClaims(new Claim.Taken(key(HASH, null, died)))
			.current(Optional.of("confirmed " + this.first));
		assertThat(this.requests.handle(HASH, attempts)).isEqualTo(new Outcome.Fresh<>("confirmed " + this.first));
		assertThat(attempts.asked).containsExactly(this.first);
		assertThat(this.pauses).isEmpty();
	}

	@Test
	void aRepeatOfARequestThatDiedWaitsWhileItsSagaIsStillUnderWay() {
		Script attempts = new Script()
			.alwaysClaims(new Claim.Taken(key(HASH, null, this.clock.instant().minus(STALE_AFTER))))
			.current(Optional.empty());
		assertThatExceptionOfType(IdempotencyKeyException.class).isThrownBy(() -> this.requests.handle(HASH, attempts))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.IN_PROGRESS));
		assertThat(attempts.asked).hasSizeGreaterThan(1);
	}

	@Test
	void aKeyFreedBetweenTheClaimAndTheReadIsClaimedAgain() throws Exception {
		Script attempts = new Script().claims(new Claim.Retry(), new Claim.Started(this.first));
		assertThat(this.requests.handle(HASH, attempts)).isEqualTo(new Outcome.Fresh<>("ran " + this.first));
		assertThat(this.pauses).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void aRequestWithoutAKeyIsRefused(String header) {
		assertThatExceptionOfType(IdempotencyKeyException.class)
			.isThrownBy(() -> IdempotentRequests.requireValid(header))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.REQUIRED));
		assertThatExceptionOfType(IdempotencyKeyException.class).isThrownBy(() -> IdempotentRequests.requireValid(null))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.REQUIRED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "with space", "naïve", "tab\tin", "x" })
	void aKeyMustBePrintableAsciiOfAtMostAHundredCharacters(String header) {
		if (header.equals("x")) {
			assertThat(IdempotentRequests.requireValid("x".repeat(100))).hasSize(100);
			header = "x".repeat(101);
		}
		String key = header;
		assertThatExceptionOfType(IdempotencyKeyException.class).isThrownBy(() -> IdempotentRequests.requireValid(key))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID));
	}

	private Key key(String hash, @Nullable Integer status, Instant createdAt) {
		return new Key(hash, this.first, status, (status != null) ? "{}" : null, createdAt);
	}

	/**
	 * Attempts that answer as the test scripts them, and remember what they were asked.
	 */
	private static final class Script implements IdempotentRequests.Attempts<String> {

		private final Deque<Claim> claims = new ArrayDeque<>();

		private @Nullable Claim always;

		private boolean settles;

		private Optional<String> current = Optional.empty();

		final List<UUID> ran = new ArrayList<>();

		final List<UUID> settled = new ArrayList<>();

		final List<UUID> asked = new ArrayList<>();

		Script claims(Claim... claims) {
			this.claims.addAll(List.of(claims));
			return this;
		}

		Script alwaysClaims(Claim claim) {
			this.always = claim;
			return this;
		}

		Script settles(boolean settles) {
			this.settles = settles;
			return this;
		}

		Script current(Optional<String> current) {
			this.current = current;
			return this;
		}

		@Override
		public Claim claim() {
			Claim next = this.claims.poll();
			if (next != null) {
				return next;
			}
			if (this.always == null) {
				throw new AssertionError("claimed once more than scripted");
			}
			return this.always;
		}

		@Override
		public String run(UUID orderId) {
			this.ran.add(orderId);
			return "ran " + orderId;
		}

		@Override
		public boolean settleAndRelease(UUID orderId) {
			this.settled.add(orderId);
			return this.settles;
		}

		@Override
		public Optional<String> current(UUID orderId) {
			this.asked.add(orderId);
			return this.current;
		}

	}

}
