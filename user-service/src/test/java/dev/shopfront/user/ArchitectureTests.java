package dev.shopfront.user;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.shopfront.testsupport.architecture.ModuleRules;
import dev.shopfront.testsupport.architecture.ServiceLayoutRules;

/**
 * user-service keeps the rules every module keeps and the layout every service has (the
 * shared rules in test-support, written out in docs/architecture.md).
 */
@AnalyzeClasses(packages = "dev.shopfront.user", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests module = ArchTests.in(ModuleRules.class);

	@ArchTest
	static final ArchTests layout = ArchTests.in(ServiceLayoutRules.class);

}
