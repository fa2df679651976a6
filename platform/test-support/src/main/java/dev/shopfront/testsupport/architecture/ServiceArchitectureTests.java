package dev.shopfront.testsupport.architecture;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The {@link ModuleRules} and the {@link ServiceLayoutRules} as tests, for a service's
 * {@code ArchitectureTests}.
 */
public abstract class ServiceArchitectureTests extends ModuleArchitectureTests {

	@Override
	protected List<ArchRule> rules() {
		List<ArchRule> rules = new ArrayList<>(super.rules());
		rules.addAll(List.of(ServiceLayoutRules.controllersAreInWeb, ServiceLayoutRules.consumersAreInMessaging,
				ServiceLayoutRules.eventsNameNoDomainType, ServiceLayoutRules.domainIsFreeOfWebAndMessaging));
		return rules;
	}

}
