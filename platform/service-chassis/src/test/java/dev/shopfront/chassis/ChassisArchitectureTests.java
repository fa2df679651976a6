package dev.shopfront.chassis;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ChassisArchitectureTests {

	@Test
	void chassisImportsNoServicePackage() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.shopfront.user..", "dev.shopfront.gateway..", "dev.shopfront.order..",
					"dev.shopfront.inventory..", "dev.shopfront.payment..", "dev.shopfront.shipping..",
					"dev.shopfront.notification..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.shopfront.chassis"));
	}

}
