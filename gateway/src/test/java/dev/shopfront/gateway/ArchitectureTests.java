package dev.shopfront.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.shopfront.testsupport.architecture.ModuleRules;

/**
 * The gateway keeps the rules every module keeps: no package cycles, no service's code,
 * only the chassis. (It has no domain, so the services' layout does not apply.)
 */
@AnalyzeClasses(packages = "dev.shopfront.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests module = ArchTests.in(ModuleRules.class);

}
