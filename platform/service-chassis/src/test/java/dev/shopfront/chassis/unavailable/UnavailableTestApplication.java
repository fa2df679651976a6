package dev.shopfront.chassis.unavailable;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.shopfront.chassis.security.ChassisSecurity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service on the chassis with a database of two pooled connections, whose endpoints
 * lose their connection or hold it, for testing what a client gets when the database
 * fails.
 */
@SpringBootApplication(excludeName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
class UnavailableTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http).authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
	}

	/** Where the test and the holding requests meet. */
	@Component
	static class Latches {

		final CountDownLatch holding = new CountDownLatch(2);

		final CountDownLatch release = new CountDownLatch(1);

	}

	@RestController
	static class DatabaseController {

		private final JdbcClient jdbc;

		private final Latches latches;

		DatabaseController(JdbcClient jdbc, Latches latches) {
			this.jdbc = jdbc;
			this.latches = latches;
		}

		/** The database ends this transaction's connection, as a restart does. */
		@PostMapping("/test/connection-lost")
		@Transactional
		public String connectionLost() {
			this.jdbc.sql("insert into notes (text) values ('written before the connection was lost')").update();
			this.jdbc.sql("select pg_terminate_backend(pg_backend_pid())").query(Boolean.class).single();
			return "not reached";
		}

		/** Holds a connection until released. */
		@PostMapping("/test/hold")
		@Transactional
		public String hold() throws InterruptedException {
			this.jdbc.sql("select 1").query(Integer.class).single();
			this.latches.holding.countDown();
			this.latches.release.await(20, TimeUnit.SECONDS);
			return "held";
		}

		/** Writes what the client sends, unchecked (as a gap in validation would). */
		@PostMapping("/test/notes")
		@Transactional
		public String note(@RequestParam String text, @RequestParam String code) {
			this.jdbc.sql("insert into notes (text, code) values (?, ?)").params(text, code).update();
			return "written";
		}

		/** Needs a connection. */
		@PostMapping("/test/write")
		@Transactional
		public String write() {
			this.jdbc.sql("insert into notes (text) values ('written')").update();
			return "written";
		}

	}

}
