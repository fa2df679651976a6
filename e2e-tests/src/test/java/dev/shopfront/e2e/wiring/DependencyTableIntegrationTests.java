package dev.shopfront.e2e.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/dependencies.md} is what the services' wiring says today: regenerated from
 * the runner's environment, the consumers in the code and the AsyncAPI document, and
 * compared. {@code -Dshopfront.docs.update=true} rewrites the file.
 */
class DependencyTableIntegrationTests {

	@TempDir
	static Path temp;

	static Path root;

	static ServiceWiring wiring;

	@BeforeAll
	static void read() {
		root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
		wiring = new ServiceWiring(root, temp.resolve("shop-state"));
	}

	@Test
	void theDocumentIsWhatTheWiringSays() throws IOException {
		String generated = wiring.document();
		Path committed = root.resolve("docs/dependencies.md");
		if (Boolean.getBoolean("shopfront.docs.update")) {
			Files.writeString(committed, generated);
		}
		Path left = root.resolve("e2e-tests/target/dependencies.md");
		Files.createDirectories(left.getParent());
		Files.writeString(left, generated);
		assertThat(Files.exists(committed) ? Files.readString(committed) : "")
			.as("docs/dependencies.md against the wiring (the generated one is in %s; "
					+ "-Dshopfront.docs.update=true rewrites the committed one)", left)
			.isEqualTo(generated);
	}

	@Test
	void readsTheWiringThatIsThere() {
		List<ServiceWiring.Dependency> dependencies = wiring.dependencies();
		assertThat(dependencies).contains(
				new ServiceWiring.Dependency("order-service", "inventory-service", "REST",
						"SHOPFRONT_ORDER_INVENTORY_URL"),
				new ServiceWiring.Dependency("order-service", "payment-service", "commands",
						"payment.commands (queue payment.payment-commands)"),
				new ServiceWiring.Dependency("notification-service", "order-service", "events",
						"order.events (queue notification.order-events)"),
				new ServiceWiring.Dependency("payment-service", "user-service", "token keys",
						"SHOPFRONT_CHASSIS_SECURITY_JWK_SET_URI"));
		assertThat(dependencies).noneMatch((dependency) -> dependency.from().equals("gateway")
				|| dependency.to().equals("gateway") || dependency.from().equals(dependency.to()));
		assertThat(wiring.table(dependencies).get("notification-service").in()).isZero();
		assertThat(wiring.subscriptionsOutsideTheServices())
			.containsExactly("inventory-service reads legacy.catalog from migration-sync");
	}

	@Test
	void readsDifficultyAsTheSeedDoes() {
		assertThat(ServiceWiring.difficulty(0, 4)).startsWith("Easy");
		assertThat(ServiceWiring.difficulty(5, 1)).startsWith("Hard");
		assertThat(ServiceWiring.difficulty(2, 4)).startsWith("Hard");
		assertThat(ServiceWiring.difficulty(2, 1)).isEqualTo("Medium");
	}

}
