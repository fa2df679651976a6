package dev.shopfront.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway knows no service's code, only the chassis.
 */
@AnalyzeClasses(packages = "dev.shopfront.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule onlyTheChassis = noClasses().that()
		.resideInAPackage("dev.shopfront.gateway..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.shopfront..")
			.and(not(resideInAnyPackage("dev.shopfront.gateway..", "dev.shopfront.chassis.."))));

}
