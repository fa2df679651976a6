package dev.shopfront.payment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.shopfront.payment");

	@Test
	void domainKnowsNothingOfTheWebLayer() {
		noClasses().that()
			.resideInAnyPackage("dev.shopfront.payment.payment", "dev.shopfront.payment.provider")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "org.springframework.web..", "org.springframework.http..",
					"jakarta.servlet..")
			.check(this.classes);
	}

	@Test
	void theProviderKnowsNothingOfPayments() {
		noClasses().that()
			.resideInAPackage("dev.shopfront.payment.provider")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.shopfront.payment.charge..")
			.check(this.classes);
	}

	@Test
	void dependsOnNoOtherServiceModule() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.shopfront.gateway..", "dev.shopfront.order..", "dev.shopfront.user..",
					"dev.shopfront.inventory..", "dev.shopfront.shipping..", "dev.shopfront.notification..")
			.check(this.classes);
	}

}
