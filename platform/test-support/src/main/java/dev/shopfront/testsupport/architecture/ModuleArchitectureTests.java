package dev.shopfront.testsupport.architecture;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@link ModuleRules} as tests, one per rule: a module's {@code ArchitectureTests}
 * extends this (or {@link ServiceArchitectureTests}) in its root package, and the rules
 * check the module's main classes, everything below that package.
 */
public abstract class ModuleArchitectureTests {

	private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

	/**
	 * The rules this module keeps.
	 * @return them
	 */
	protected List<ArchRule> rules() {
		return List.of(ModuleRules.packagesFormNoCycle, ModuleRules.namesNoOtherService,
				ModuleRules.everyPackageIsNullMarked);
	}

	/**
	 * The module's main classes, imported once per test class.
	 * @return the classes below the test class's package
	 */
	protected JavaClasses moduleClasses() {
		return IMPORTED.computeIfAbsent(getClass().getPackageName(),
				(root) -> new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
					.importPackages(root));
	}

	@TestFactory
	Stream<DynamicTest> keepsItsRules() {
		return rules().stream()
			.map((rule) -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(moduleClasses())));
	}

}
