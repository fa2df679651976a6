package dev.shopfront.testsupport.architecture;

import org.junit.jupiter.api.Test;

/**
 * The {@link ModuleRules} and the {@link ServiceLayoutRules} as tests, for a service's
 * {@code ArchitectureTests}.
 */
public abstract class ServiceArchitectureTests extends ModuleArchitectureTests {

	@Test
	void controllersAreInWeb() {
		ServiceLayoutRules.controllersAreInWeb.check(moduleClasses());
	}

	@Test
	void consumersAreInMessaging() {
		ServiceLayoutRules.consumersAreInMessaging.check(moduleClasses());
	}

	@Test
	void eventsNameNoDomainType() {
		ServiceLayoutRules.eventsNameNoDomainType.check(moduleClasses());
	}

	@Test
	void domainIsFreeOfWebAndMessaging() {
		ServiceLayoutRules.domainIsFreeOfWebAndMessaging.check(moduleClasses());
	}

}
