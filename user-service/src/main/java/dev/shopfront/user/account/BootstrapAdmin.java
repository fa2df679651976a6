package dev.shopfront.user.account;

import dev.shopfront.user.config.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code shopfront.user.bootstrap-admin.*} at
 * startup, once: an existing account with that e-mail is left as it is.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final AccountManagement accounts;

	private final UserProperties.BootstrapAdmin settings;

	BootstrapAdmin(AccountManagement accounts, UserProperties properties) {
		this.accounts = accounts;
		this.settings = properties.bootstrapAdmin();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.settings.email() == null || this.settings.password() == null) {
			log.info("No bootstrap administrator configured (shopfront.user.bootstrap-admin.*)");
			return;
		}
		this.accounts.ensureAdmin(this.settings.email(), this.settings.password(), this.settings.fullName());
	}

}
