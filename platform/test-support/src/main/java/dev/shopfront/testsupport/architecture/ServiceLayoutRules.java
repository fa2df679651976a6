package dev.shopfront.testsupport.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one layout of every service (docs/architecture.md, "One layout"):
 *
 * <pre>
 * dev.shopfront.&lt;service&gt;
 *   &lt;Service&gt;Application
 *   config/                  wiring: security, properties
 *   &lt;feature&gt;/               the domain and its use cases (aggregates, repositories,
 *                            one transactional method per use case)
 *   &lt;feature&gt;/events/        the integration events it publishes: versioned records
 *   &lt;feature&gt;/messaging/     consumers of other services' messages
 *   &lt;feature&gt;/web/           controllers, request and response records, problem advice
 *   &lt;feature&gt;/participants/  (order-service's saga) proxies of the services it calls
 * </pre>
 *
 * A service checks them by its {@code ArchitectureTests} extending
 * {@link ServiceArchitectureTests}.
 */
public final class ServiceLayoutRules {

	/** Packages whose classes talk to the outside; everything else is domain. */
	static final String[] ADAPTERS = { "..web..", "..messaging..", "..events..", "..participants..", "..config.." };

	/** Controllers and their problem advice are in a {@code web} package. */
	public static final ArchRule controllersAreInWeb = classes().that()
		.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
		.or()
		.areAnnotatedWith("org.springframework.stereotype.Controller")
		.or()
		.areAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
		.or()
		.areAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
		.should()
		.resideInAPackage("..web..")
		.allowEmptyShould(true);

	/** Whoever takes messages from the broker is in a {@code messaging} package. */
	public static final ArchRule consumersAreInMessaging = classes()
		.that(ServiceLayout.dependOn("dev.shopfront.chassis.messaging.MessageConsumer"))
		.should()
		.resideInAPackage("..messaging..")
		.allowEmptyShould(true);

	/**
	 * The integration events a service publishes are kept apart from its domain: they
	 * name nothing of the service but other events, so the domain may change without
	 * changing a contract (the mapping lives on the domain's side).
	 */
	public static final ArchRule eventsNameNoDomainType = noClasses().that()
		.resideInAPackage("..events..")
		.should()
		.dependOnClassesThat(are(ServiceLayout.outsideEventsOfTheirService()))
		.allowEmptyShould(true);

	/**
	 * Domain types (outside the adapter packages) know nothing of HTTP, servlets or the
	 * broker, nor of their own service's adapters.
	 */
	public static final ArchRule domainIsFreeOfWebAndMessaging = noClasses().that()
		.resideInAPackage("dev.shopfront..")
		.and()
		.resideOutsideOfPackages(ADAPTERS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
				"org.springframework.amqp..", "com.rabbitmq..")
		.orShould(ServiceLayout.dependOnTheirServicesAdapters())
		.allowEmptyShould(true);

	private ServiceLayoutRules() {
	}

}
