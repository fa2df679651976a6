package dev.shopfront.chassis;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.shopfront.testsupport.architecture.ModuleRules;

/**
 * The chassis keeps the rules every module keeps: its packages form no cycle, and it
 * names no service (it holds technical concerns only).
 */
@AnalyzeClasses(packages = "dev.shopfront.chassis", importOptions = ImportOption.DoNotIncludeTests.class)
class ChassisArchitectureTests {

	@ArchTest
	static final ArchTests module = ArchTests.in(ModuleRules.class);

}
