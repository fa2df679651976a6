package dev.shopfront.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.shopfront.order");

	@Test
	void domainKnowsNothingOfTheWebLayerOrSpring() {
		noClasses().that()
			.resideInAPackage("dev.shopfront.order.order")
			.or()
			.haveFullyQualifiedName("dev.shopfront.order.saga.PlaceOrderSaga")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "org.springframework.web..", "org.springframework.http..",
					"jakarta.servlet..", "org.springframework.amqp..")
			.check(this.classes);
	}

	@Test
	void integrationEventsAreKeptApartFromTheDomain() {
		noClasses().that()
			.resideInAPackage("dev.shopfront.order.events")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.shopfront.order.lifecycle..", "dev.shopfront.order.saga..")
			.check(this.classes);
	}

	@Test
	void dependsOnNoOtherServiceModule() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.shopfront.gateway..", "dev.shopfront.inventory..", "dev.shopfront.user..",
					"dev.shopfront.payment..", "dev.shopfront.shipping..", "dev.shopfront.notification..")
			.check(this.classes);
	}

}
