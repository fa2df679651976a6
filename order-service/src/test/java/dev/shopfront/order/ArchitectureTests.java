package dev.shopfront.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.shopfront.testsupport.architecture.ModuleRules;
import dev.shopfront.testsupport.architecture.ServiceLayoutRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * order-service keeps the rules every module keeps and the layout every service has (the
 * shared rules in test-support, written out in docs/architecture.md).
 */
@AnalyzeClasses(packages = "dev.shopfront.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests module = ArchTests.in(ModuleRules.class);

	@ArchTest
	static final ArchTests layout = ArchTests.in(ServiceLayoutRules.class);

	/**
	 * The saga's decisions are plain Java on JPA-mapped state: no Spring, no HTTP, no
	 * broker, so every transition is unit-tested without them.
	 */
	@ArchTest
	static final ArchRule theSagasDecisionsArePlainJava = classes().that()
		.haveFullyQualifiedName("dev.shopfront.order.saga.PlaceOrderSaga")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "jakarta.persistence..", "org.jspecify..", "dev.shopfront.order.saga",
				"dev.shopfront.order.lifecycle");

}
