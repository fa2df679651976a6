package dev.shopfront.user.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next login attempt of a key (a client address with an e-mail, or an e-mail)
 * may be made: the first {@code free} attempts at once, then each after a delay that
 * doubles from {@code first} up to {@code max}, measured from the attempt before. A key
 * without attempts for {@code forgetAfter} starts afresh. A success clears the key. No
 * hard lock: a patient client always gets another try, and an attacker's guesses slow
 * down that attacker (per address) long before they slow down anyone else (per e-mail,
 * with a higher {@code free}).
 *
 * @param free attempts allowed without a delay
 * @param first delay before the first attempt after the free ones
 * @param max the longest delay
 * @param forgetAfter quiet time after which earlier attempts no longer count
 */
record LoginDelays(int free, Duration first, Duration max, Duration forgetAfter) {

	/**
	 * Decides on an attempt.
	 * @param attempts attempts counted so far
	 * @param lastAttempt when the last of them was made, null if none
	 * @param now the time of this attempt
	 * @return how long this attempt must still wait; zero when it may go ahead
	 */
	Duration waitFor(int attempts, Instant lastAttempt, Instant now) {
		if (lastAttempt == null || counted(attempts, lastAttempt, now) < this.free) {
			return Duration.ZERO;
		}
		Instant allowedAt = lastAttempt.plus(delayAfter(attempts));
		return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
	}

	/**
	 * The attempts that count for this one: none when the key was quiet long enough.
	 * @param attempts attempts counted so far
	 * @param lastAttempt the last of them
	 * @param now now
	 * @return the attempts that count
	 */
	int counted(int attempts, Instant lastAttempt, Instant now) {
		return lastAttempt.plus(this.forgetAfter).isAfter(now) ? attempts : 0;
	}

	/**
	 * The delay the attempt after {@code attempts} earlier ones has to wait.
	 * @param attempts attempts so far (at least {@code free})
	 * @return the delay
	 */
	Duration delayAfter(int attempts) {
		int doublings = Math.min(attempts - this.free, 30);
		Duration delay = this.first.multipliedBy(1L << doublings);
		return (delay.compareTo(this.max) > 0) ? this.max : delay;
	}

}
