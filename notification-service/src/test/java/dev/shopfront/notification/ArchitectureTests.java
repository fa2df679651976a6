package dev.shopfront.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.shopfront.notification");

	@Test
	void domainKnowsNothingOfTheWebLayerOrTheBroker() {
		noClasses().that()
			.resideInAnyPackage("dev.shopfront.notification.notification", "dev.shopfront.notification.recipient")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "..messaging..", "org.springframework.web..", "org.springframework.http..",
					"org.springframework.amqp..", "jakarta.servlet..")
			.check(this.classes);
	}

	@Test
	void theRecipientsKnowNothingOfNotifications() {
		noClasses().that()
			.resideInAPackage("dev.shopfront.notification.recipient")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.shopfront.notification.mail..")
			.check(this.classes);
	}

	@Test
	void dependsOnNoOtherServiceModule() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.shopfront.gateway..", "dev.shopfront.order..", "dev.shopfront.user..",
					"dev.shopfront.inventory..", "dev.shopfront.payment..", "dev.shopfront.shipping..")
			.check(this.classes);
	}

}
