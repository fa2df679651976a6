package dev.shopfront.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service ({@code shopfront.notification.*}); the defaults work
 * for {@code ./shop up}. The SMTP server is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every e-mail, an RFC 5322 address with an optional name
 * @param sender the worker that sends recorded notifications
 * @param shopUrl the shop's public address (the gateway), for instructions in e-mails
 */
@ConfigurationProperties("shopfront.notification")
public record NotificationProperties(@DefaultValue("Shopfront <shop@shopfront.example>") String from,
		@DefaultValue Sender sender, @DefaultValue("http://localhost:8080") String shopUrl) {

	/**
	 * The sender worker: every instance polls for due notifications and sends them one by
	 * one; a failed send is retried after a delay that doubles with each attempt.
	 *
	 * @param pollInterval time between rounds
	 * @param batchSize e-mails one round sends at most
	 * @param initialBackoff wait after the first failed attempt
	 * @param maxBackoff the longest wait between two attempts
	 * @param maxAttempts attempts after which a notification the mail server refuses is
	 * FAILED (kept, never sent); an outage of the server (unreachable, login refused)
	 * never makes it FAILED, but its attempts count, so after a long outage the first
	 * refusal does
	 */
	public record Sender(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
			@DefaultValue("2s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff,
			@DefaultValue("10") int maxAttempts) {

		public Sender {
			if (batchSize < 1 || maxAttempts < 1) {
				throw new IllegalArgumentException("batch-size and max-attempts must be at least 1");
			}
			if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("initial-backoff must be above 0 and max-backoff at least as long");
			}
		}

		/**
		 * How long to wait after a failed attempt: the initial back-off, doubled for each
		 * attempt before, at most the maximum.
		 * @param attempts failed attempts so far, from 1
		 * @return the wait before the next attempt
		 */
		public Duration backoff(int attempts) {
			Duration delay = this.initialBackoff;
			for (int i = 1; i < attempts && delay.compareTo(this.maxBackoff) < 0; i++) {
				delay = delay.multipliedBy(2);
			}
			return (delay.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : delay;
		}

	}

}
