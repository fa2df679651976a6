package dev.shopfront.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared rules pass on a shop in the layout and catch each way a shop can break it
 * (fixtures in dev.shopfront.goodshop and dev.shopfront.badshop).
 */
class ArchitectureRulesTests {

	private static final JavaClasses GOOD = new ClassFileImporter().importPackages("dev.shopfront.goodshop");

	private static final JavaClasses BAD = new ClassFileImporter().importPackages("dev.shopfront.badshop");

	@Test
	void aShopInTheLayoutKeepsEveryRule() {
		for (ArchRule rule : new ArchRule[] { ModuleRules.packagesFormNoCycle, ModuleRules.namesNoOtherService,
				ModuleRules.everyPackageIsNullMarked, ServiceLayoutRules.controllersAreInWeb,
				ServiceLayoutRules.consumersAreInMessaging, ServiceLayoutRules.eventsNameNoDomainType,
				ServiceLayoutRules.domainIsFreeOfWebAndMessaging }) {
			assertThat(rule.evaluate(GOOD).hasViolation()).as(rule.getDescription()).isFalse();
		}
	}

	@Test
	void aDomainAndItsWebLayerCallingEachOtherIsACycle() {
		assertThat(violations(ModuleRules.packagesFormNoCycle)).contains("badshop.stock", "badshop.stock.web");
	}

	@Test
	void namingAnotherServiceIsCaught() {
		assertThat(violations(ModuleRules.namesNoOtherService)).contains("Borrowing")
			.contains("dev.shopfront.goodshop.shelf.Shelf");
	}

	@Test
	void aPackageThatIsNotNullMarkedIsCaught() {
		assertThat(violations(ModuleRules.everyPackageIsNullMarked))
			.contains("dev.shopfront.badshop.stock.events, which is not @NullMarked")
			.doesNotContain("dev.shopfront.badshop.stock.web,");
	}

	@Test
	void aControllerOutsideWebIsCaught() {
		assertThat(violations(ServiceLayoutRules.controllersAreInWeb)).contains("StockController");
	}

	@Test
	void anEventCarryingADomainTypeIsCaught() {
		assertThat(violations(ServiceLayoutRules.eventsNameNoDomainType)).contains("StockTakenV1");
	}

	@Test
	void aDomainTypeNamingHttpOrItsWebLayerIsCaught() {
		assertThat(violations(ServiceLayoutRules.domainIsFreeOfWebAndMessaging))
			.contains("StockController", "org.springframework.http.HttpStatus")
			.contains("Stock.view()", "dev.shopfront.badshop.stock.web.StockView");
	}

	private static String violations(ArchRule rule) {
		EvaluationResult result = rule.evaluate(BAD);
		assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
		return String.join("\n", result.getFailureReport().getDetails());
	}

}
