package dev.shopfront.chassis.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Two records of one simple name would share one schema in a document: refused.
 */
class RecordNullnessTests {

	@Test
	void refusesTwoRecordsOfOneName() {
		ModelConverters converters = new ModelConverters(true);
		converters.addConverter(new RecordNullness());
		converters.readAll(Orders.Holder.class);
		assertThatIllegalStateException().isThrownBy(() -> converters.readAll(Requests.Holder.class))
			.withMessageContaining("Two types are both called Item");
	}

	static final class Orders {

		record Item(String sku, int quantity, String unitPrice) {
		}

		record Holder(Item item) {
		}

	}

	static final class Requests {

		record Item(String sku, int quantity) {
		}

		record Holder(Item item) {
		}

	}

}
