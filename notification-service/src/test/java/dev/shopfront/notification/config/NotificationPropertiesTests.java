package dev.shopfront.notification.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationPropertiesTests {

	private final NotificationProperties.Sender defaults = new NotificationProperties.Sender(Duration.ofSeconds(1), 20,
			Duration.ofSeconds(2), Duration.ofMinutes(5), 10);

	@Test
	void theWaitDoublesFromTwoSecondsUpToFiveMinutes() {
		assertThat(this.defaults.backoff(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.defaults.backoff(2)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.defaults.backoff(3)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.defaults.backoff(8)).isEqualTo(Duration.ofSeconds(256));
		assertThat(this.defaults.backoff(9)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.defaults.backoff(10)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.defaults.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void nonsenseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NotificationProperties.Sender(Duration.ofSeconds(1),
				20, Duration.ofSeconds(2), Duration.ofSeconds(1), 10));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new NotificationProperties.Sender(Duration.ofSeconds(1), 20, Duration.ZERO, Duration.ZERO, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new NotificationProperties.Sender(Duration.ofSeconds(1),
				20, Duration.ofSeconds(2), Duration.ofMinutes(5), 0));
	}

}
