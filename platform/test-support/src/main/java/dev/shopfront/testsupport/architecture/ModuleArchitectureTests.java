package dev.shopfront.testsupport.architecture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The {@link ModuleRules} as tests: a module's {@code ArchitectureTests} extends this (or
 * {@link ServiceArchitectureTests}) in its root package, and the rules check the module's
 * main classes, everything below that package.
 */
public abstract class ModuleArchitectureTests {

	private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

	/**
	 * The module's main classes, imported once per test class.
	 * @return the classes below the test class's package
	 */
	protected JavaClasses moduleClasses() {
		return IMPORTED.computeIfAbsent(getClass().getPackageName(),
				(root) -> new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
					.importPackages(root));
	}

	@Test
	void packagesFormNoCycle() {
		ModuleRules.packagesFormNoCycle.check(moduleClasses());
	}

	@Test
	void namesNoOtherService() {
		ModuleRules.namesNoOtherService.check(moduleClasses());
	}

	@Test
	void everyPackageIsNullMarked() {
		ModuleRules.everyPackageIsNullMarked.check(moduleClasses());
	}

}
