package dev.shopfront.notification.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.chassis.messaging.EventEnvelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For the tests of the sender against a mail server of their own: one user registers (so
 * one welcome e-mail is due), and its notification row is read back.
 */
final class OneUser {

	private OneUser() {
	}

	static void registers(RabbitTemplate rabbit, UUID user, String email, String fullName) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("userId", user);
		data.put("email", email);
		data.put("emailVerified", true);
		data.put("fullName", fullName);
		data.put("shippingAddress", null);
		data.put("version", 1);
		rabbit.send("user.events", "user.registered",
				EventEnvelope.of("user.registered", 1, "/shopfront/user-service", user.toString())
					.toMessage(JsonMapper.builder().build().writeValueAsBytes(data)));
	}

	/** The user's notification row, or an empty map while there is none. */
	static Map<String, @Nullable Object> notification(JdbcClient jdbc, UUID user) {
		return jdbc.sql("select * from notifications where user_id = ?")
			.param(user)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of());
	}

}
