package dev.shopfront.order.lifecycle.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code wait} preference read from a {@code Prefer} header (RFC 7240), among others
 * or alone; anything else means no wait.
 */
class PreferWaitTests {

	@Test
	void readsTheWaitPreference() {
		assertThat(OrderController.requestedWait("wait=5")).isEqualTo(Duration.ofSeconds(5));
		assertThat(OrderController.requestedWait("respond-async, wait=10")).isEqualTo(Duration.ofSeconds(10));
		assertThat(OrderController.requestedWait("WAIT = \"7\"; handling=lenient")).isEqualTo(Duration.ofSeconds(7));
		assertThat(OrderController.requestedWait(null)).isZero();
		assertThat(OrderController.requestedWait("handling=lenient")).isZero();
		assertThat(OrderController.requestedWait("wait=soon")).isZero();
		assertThat(OrderController.requestedWait("nowait=5")).isZero();
		assertThat(OrderController.requestedWait("wait=-1")).isZero();
	}

}
