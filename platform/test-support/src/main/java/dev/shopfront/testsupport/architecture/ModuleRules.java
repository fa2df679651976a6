package dev.shopfront.testsupport.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.Nullable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * What holds for every Shopfront module with code of its own (the services and the
 * gateway): its packages form no cycle, and it names no other service, only the chassis.
 * A module checks them by its {@code ArchitectureTests} extending
 * {@link ModuleArchitectureTests}.
 */
public final class ModuleRules {

	/**
	 * No two packages depend on each other, directly or round about; a package and its
	 * sub-packages count apart (Java does not nest them), so {@code saga} and
	 * {@code saga.web} may not call each other either.
	 */
	public static final ArchRule packagesFormNoCycle = slices().matching("dev.shopfront.(*).(**)")
		.namingSlices("$1.$2")
		.should()
		.beFreeOfCycles()
		.because("a reader follows a feature from the outside in: web and messaging call the domain, "
				+ "the domain calls nothing above it");

	/**
	 * Code of {@code dev.shopfront.<module>} names no other {@code dev.shopfront} module
	 * but the chassis: services talk over HTTP and the broker, never through each other's
	 * classes.
	 */
	public static final ArchRule namesNoOtherService = classes().that()
		.resideInAPackage("dev.shopfront..")
		.should(dependOnlyOnTheirModuleAndTheChassis())
		.because("a service shares contracts (docs/api, docs/events), not code");

	/**
	 * Every package is {@code @NullMarked} (the annotation does not reach sub-packages):
	 * a type is non-null unless it says {@code @Nullable}, and NullAway checks it in the
	 * build.
	 */
	public static final ArchRule everyPackageIsNullMarked = classes().that()
		.resideInAPackage("dev.shopfront..")
		.should(beInANullMarkedPackage())
		.because("NullAway checks only @NullMarked code");

	private ModuleRules() {
	}

	/**
	 * The module of a class: the package segment after {@code dev.shopfront}.
	 * @param name a fully qualified class name
	 * @return e.g. {@code order} for {@code dev.shopfront.order.saga.PlaceOrderSaga}, or
	 * null outside {@code dev.shopfront}
	 */
	static @Nullable String moduleOf(String name) {
		if (!name.startsWith("dev.shopfront.")) {
			return null;
		}
		String rest = name.substring("dev.shopfront.".length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? null : rest.substring(0, dot);
	}

	private static ArchCondition<JavaClass> beInANullMarkedPackage() {
		return new ArchCondition<>("be in a @NullMarked package") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				if (!item.getPackage().isAnnotatedWith("org.jspecify.annotations.NullMarked")) {
					events.add(SimpleConditionEvent.violated(item,
							item.getName() + " is in " + item.getPackageName() + ", which is not @NullMarked"));
				}
			}
		};
	}

	private static ArchCondition<JavaClass> dependOnlyOnTheirModuleAndTheChassis() {
		return new ArchCondition<>("depend on no dev.shopfront module but their own and the chassis") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String own = moduleOf(item.getName());
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String target = moduleOf(dependency.getTargetClass().getName());
					if (target != null && !target.equals(own) && !target.equals("chassis")) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

}
