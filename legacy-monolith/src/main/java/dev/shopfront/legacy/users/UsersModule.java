package dev.shopfront.legacy.users;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monolith's users. Accounts are kept by the shared token issuer; the monolith learns
 * a user, with the e-mail address the token names, the first time the user orders.
 */
@Service
public class UsersModule {

	private final JdbcClient jdbc;

	UsersModule(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes sure the user is known, with this address.
	 * @param id the user (the token's subject)
	 * @param email the address the token names
	 */
	@Transactional
	public void know(UUID id, String email) {
		this.jdbc.sql("""
				insert into users (id, email) values (?, ?)
				on conflict (id) do update set email = excluded.email""").params(id, email).update();
	}

}
