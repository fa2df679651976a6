package dev.shopfront.order;

import dev.shopfront.testsupport.architecture.ServiceArchitectureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * order-service keeps the layout of every service, and its saga's decisions stay plain
 * Java.
 */
class ArchitectureTests extends ServiceArchitectureTests {

	/**
	 * The saga's decisions are plain Java on JPA-mapped state: no Spring, no HTTP, no
	 * broker, so every transition is unit-tested without them.
	 */
	@Test
	void theSagasDecisionsArePlainJava() {
		classes().that()
			.haveFullyQualifiedName("dev.shopfront.order.saga.PlaceOrderSaga")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "dev.shopfront.order.saga", "dev.shopfront.order.lifecycle")
			.check(moduleClasses());
	}

}
