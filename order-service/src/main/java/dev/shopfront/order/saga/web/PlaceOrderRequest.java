package dev.shopfront.order.saga.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.validation.SingleLine;
import dev.shopfront.order.lifecycle.ShippingAddress;
import dev.shopfront.order.saga.PlaceOrderCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param items what to order (at most 50 lines; a SKU listed twice is merged)
 * @param shippingAddress where to ship; the account's default address when absent
 * @param payment how to pay
 */
record PlaceOrderRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items,
		@Valid @Nullable Address shippingAddress, @Valid @NotNull Payment payment) {

	PlaceOrderCommand toCommand(UUID userId) {
		return PlaceOrderCommand.of(userId,
				this.items.stream().map((item) -> new PlaceOrderCommand.Line(item.sku(), item.quantity())).toList(),
				(this.shippingAddress != null) ? this.shippingAddress.toAddress() : null, this.payment.cardToken());
	}

	/**
	 * A line.
	 *
	 * @param sku the product
	 * @param quantity units, 1 to 100
	 */
	@Schema(name = "ItemToOrder")
	record Item(@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,31}") @Schema(example = "MUG-CLASSIC") String sku,
			@NotNull @Min(1) @Max(PlaceOrderCommand.MAX_UNITS_PER_SKU) @Schema(example = "2") Integer quantity) {
	}

	/**
	 * A shipping address.
	 *
	 * @param line1 street and number
	 * @param line2 second line
	 * @param city city
	 * @param postalCode postal code
	 * @param country ISO 3166-1 alpha-2, upper case
	 */
	@Schema(name = "ShippingAddressToUse")
	record Address(@NotBlank @SingleLine @Size(max = 200) @Schema(example = "Hauptstrasse 1") String line1,
			@SingleLine @Size(max = 200) @Nullable String line2,
			@NotBlank @SingleLine @Size(max = 100) @Schema(example = "Berlin") String city,
			@NotBlank @SingleLine @Size(max = 20) @Schema(example = "10115") String postalCode,
			@NotNull @Pattern(regexp = "[A-Z]{2}") @Schema(example = "DE") String country) {

		ShippingAddress toAddress() {
			return new ShippingAddress(this.line1.strip(), (this.line2 != null) ? this.line2.strip() : null,
					this.city.strip(), this.postalCode.strip(), this.country);
		}

	}

	/**
	 * How to pay.
	 *
	 * @param cardToken the payment provider's card token
	 */
	record Payment(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+") @Schema(
			example = "tok_visa") String cardToken) {

		@Override
		public String toString() {
			return "Payment[cardToken=***]";
		}

	}

}
