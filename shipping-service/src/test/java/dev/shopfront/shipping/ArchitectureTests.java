package dev.shopfront.shipping;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.shopfront.shipping");

	@Test
	void domainKnowsNothingOfTheWebLayerOrItsListeners() {
		noClasses().that()
			.resideInAPackage("dev.shopfront.shipping.shipment")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "dev.shopfront.shipping.shipment.messaging..", "org.springframework.web..",
					"org.springframework.http..", "jakarta.servlet..")
			.check(this.classes);
	}

	@Test
	void dependsOnNoOtherServiceModule() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.shopfront.gateway..", "dev.shopfront.order..", "dev.shopfront.user..",
					"dev.shopfront.inventory..", "dev.shopfront.payment..", "dev.shopfront.notification..")
			.check(this.classes);
	}

}
