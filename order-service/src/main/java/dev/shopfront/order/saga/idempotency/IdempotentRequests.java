package dev.shopfront.order.saga.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.order.config.OrderProperties;
import dev.shopfront.order.saga.idempotency.IdempotencyKeys.Key;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} protocol of {@code POST /api/orders}, apart from HTTP and
 * from what an attempt does. The first request with a key claims it and runs; a repeat
 * with the same request gets the first one's stored answer, waiting (see
 * {@link OrderProperties#repeatWait()}) while the first is still running; a repeat with
 * another request is refused. Two cases let a repeat do more than wait or replay:
 * <ul>
 * <li>the first attempt failed for a reason the customer did not cause (a 5xx): once what
 * it started is settled, its key is freed and the repeat runs anew;</li>
 * <li>the first request died with its instance before it stored its answer (older than
 * {@code shopfront.order.sweeper.reserving-stale-after}): the repeat answers from the
 * state as it stands.</li>
 * </ul>
 * Time comes from the injected {@link Clock} and waiting from a {@link Pause}, so every
 * path is unit-tested on a clock the test moves.
 */
@Component
public class IdempotentRequests {

	/** How often a repeat looks whether the first request has answered. */
	static final Duration POLL = Duration.ofMillis(50);

	/** The longest key accepted. */
	static final int MAX_KEY_LENGTH = 100;

	private final Clock clock;

	private final Pause pause;

	private final Duration wait;

	private final Duration staleAfter;

	@Autowired
	IdempotentRequests(Clock clock, OrderProperties properties) {
		this(clock, Pause.SLEEP, properties.repeatWait(), properties.sweeper().reservingStaleAfter());
	}

	IdempotentRequests(Clock clock, Pause pause, Duration wait, Duration staleAfter) {
		this.clock = clock;
		this.pause = pause;
		this.wait = wait;
		this.staleAfter = staleAfter;
	}

	/**
	 * Checks that a key was sent and is well formed.
	 * @param key the header's value
	 * @return the key
	 * @throws IdempotencyKeyException {@code REQUIRED} when there is none,
	 * {@code INVALID} when it is longer than 100 characters or not printable ASCII
	 */
	public static String requireValid(@Nullable String key) {
		if (key == null || key.isBlank()) {
			throw new IdempotencyKeyException(IdempotencyKeyException.Kind.REQUIRED);
		}
		if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw new IdempotencyKeyException(IdempotencyKeyException.Kind.INVALID);
		}
		return key;
	}

	/**
	 * Runs a request under its key, or answers it as the key's first request was.
	 * @param <R> what an attempt produces
	 * @param requestHash the hash of the request, to tell a repeat from a reuse
	 * @param attempts what claiming, running and settling an attempt mean
	 * @return a fresh result (whose answer the caller stores under the key) or the stored
	 * answer
	 * @throws IdempotencyKeyException {@code REUSED} when the key was used for another
	 * request, {@code IN_PROGRESS} when the first request is still running after the wait
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public <R> Outcome<R> handle(String requestHash, Attempts<R> attempts) throws InterruptedException {
		Instant giveUpWaiting = this.clock.instant().plus(this.wait);
		while (true) {
			switch (attempts.claim()) {
				case Claim.Started started -> {
					return new Outcome.Fresh<>(attempts.run(started.orderId()));
				}
				case Claim.Retry retry -> {
					// freed meanwhile: claim again
				}
				case Claim.Taken taken -> {
					Key first = taken.key();
					if (!first.requestHash().equals(requestHash)) {
						throw new IdempotencyKeyException(IdempotencyKeyException.Kind.REUSED);
					}
					Integer status = first.responseStatus();
					if (status != null) {
						if (status >= 500 && attempts.settleAndRelease(first.orderId())) {
							continue; // the key is free: this request runs anew
						}
						return new Outcome.Replay<>(first);
					}
					Instant now = this.clock.instant();
					if (!now.isBefore(first.createdAt().plus(this.staleAfter))) {
						Optional<R> current = attempts.current(first.orderId());
						if (current.isPresent()) {
							return new Outcome.Fresh<>(current.get());
						}
					}
					if (now.isAfter(giveUpWaiting)) {
						throw new IdempotencyKeyException(IdempotencyKeyException.Kind.IN_PROGRESS);
					}
					this.pause.pause(POLL);
				}
			}
		}
	}

	/**
	 * What an attempt under a key means for one kind of request.
	 *
	 * @param <R> what an attempt produces
	 */
	public interface Attempts<R> {

		/**
		 * Claims the key, starting the attempt in the same transaction; or reads who has
		 * it.
		 * @return the claim
		 */
		Claim claim();

		/**
		 * Carries out a started attempt.
		 * @param orderId what the claim started
		 * @return the result
		 */
		R run(UUID orderId);

		/**
		 * Settles what a failed attempt started and frees its key, when that can be done
		 * now.
		 * @param orderId what the failed attempt started
		 * @return whether the key is free
		 */
		boolean settleAndRelease(UUID orderId);

		/**
		 * The result as things stand, for an attempt whose request died.
		 * @param orderId what the attempt started
		 * @return the result, or empty while the attempt is still under way
		 */
		Optional<R> current(UUID orderId);

	}

	/**
	 * How a request under a key is answered.
	 *
	 * @param <R> what an attempt produces
	 */
	public sealed interface Outcome<R> {

		/**
		 * With a result of this request (or of the state it found); its answer is to be
		 * stored under the key.
		 *
		 * @param <R> the result's type
		 * @param result the result
		 */
		record Fresh<R>(R result) implements Outcome<R> {
		}

		/**
		 * With the answer stored for the key's first request.
		 *
		 * @param <R> unused
		 * @param key the key's record
		 */
		record Replay<R>(Key key) implements Outcome<R> {
		}

	}

	/** Waits between looks at the key. */
	@FunctionalInterface
	public interface Pause {

		/** {@link Thread#sleep}. */
		Pause SLEEP = (duration) -> Thread.sleep(duration);

		/**
		 * Waits.
		 * @param duration how long
		 * @throws InterruptedException when interrupted
		 */
		void pause(Duration duration) throws InterruptedException;

	}

}
