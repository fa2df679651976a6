package dev.shopfront.testsupport.architecture;

import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The predicates behind {@link ServiceLayoutRules} that need to know which service a
 * class belongs to.
 */
final class ServiceLayout {

	private ServiceLayout() {
	}

	/**
	 * Classes that name a given class.
	 * @param name its fully qualified name
	 * @return the predicate
	 */
	static DescribedPredicate<JavaClass> dependOn(String name) {
		return DescribedPredicate.describe("depend on " + name,
				(item) -> item.getDirectDependenciesFromSelf()
					.stream()
					.anyMatch((dependency) -> dependency.getTargetClass().getName().equals(name)));
	}

	/**
	 * Classes of a service outside its {@code events} packages (the chassis does not
	 * count: an event may name {@code EventType}).
	 */
	static DescribedPredicate<JavaClass> outsideEventsOfTheirService() {
		return DescribedPredicate.describe("types of their service outside its events packages",
				(target) -> isServiceCode(target.getName())
						&& !PackageMatcher.of("..events..").matches(target.getPackageName()));
	}

	/**
	 * A domain class that names its own service's web or messaging code (it may call its
	 * events, its participants and read its configuration).
	 */
	static ArchCondition<JavaClass> dependOnTheirServicesAdapters() {
		return new ArchCondition<>("depend on their service's adapters") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String own = ModuleRules.moduleOf(item.getName());
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					boolean adapter = Stream.of("..web..", "..messaging..")
						.anyMatch((pattern) -> PackageMatcher.of(pattern).matches(target.getPackageName()));
					if (adapter && own != null && own.equals(ModuleRules.moduleOf(target.getName()))) {
						// a match: under noClasses() (never) it is the violation
						events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

	private static boolean isServiceCode(String name) {
		String module = ModuleRules.moduleOf(name);
		return module != null && !module.equals("chassis");
	}

}
