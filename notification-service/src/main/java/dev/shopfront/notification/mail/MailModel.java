package dev.shopfront.notification.mail;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an e-mail says, apart from whom it greets: recorded with the notification (as
 * JSON) when the event arrives and rendered by its {@link Template} when the e-mail goes
 * out.
 */
public sealed interface MailModel {

	/**
	 * The code that verifies the recipient's address: the one e-mail an unverified
	 * address gets.
	 *
	 * @param verificationId the code's id
	 * @param token the code
	 * @param expiresAt until when it works, ISO-8601
	 * @param shopUrl where the shop's API is, for the instructions
	 */
	record VerifyEmail(UUID verificationId, String token, String expiresAt, String shopUrl) implements MailModel {

		@Override
		public String toString() {
			return "VerifyEmail[verificationId=" + this.verificationId + ", token=***]";
		}

	}

	/**
	 * A welcome: it needs nothing but its recipient.
	 *
	 * @param userId the new user
	 */
	record Welcome(UUID userId) implements MailModel {
	}

	/**
	 * A confirmed order.
	 *
	 * @param orderId the order
	 * @param lines what was ordered
	 * @param total the total, a decimal string such as {@code "59.98"}
	 * @param currency its ISO 4217 currency
	 * @param shippingAddress where it goes
	 */
	record OrderConfirmed(UUID orderId, List<Line> lines, String total, String currency,
			Address shippingAddress) implements MailModel {

		public OrderConfirmed {
			lines = List.copyOf(lines);
		}

	}

	/**
	 * An order line.
	 *
	 * @param sku the product
	 * @param quantity units
	 * @param unitPrice price of one unit, a decimal string
	 */
	record Line(String sku, int quantity, String unitPrice) {
	}

	/**
	 * A shipping address.
	 *
	 * @param line1 street and number
	 * @param line2 second line, or null
	 * @param city the city
	 * @param postalCode the postal code
	 * @param country ISO 3166-1 alpha-2
	 */
	record Address(String line1, @Nullable String line2, String city, String postalCode, String country) {
	}

	/**
	 * A cancelled order.
	 *
	 * @param orderId the order
	 * @param reason PAYMENT_DECLINED, PAYMENT_TIMEOUT, CUSTOMER_REQUEST,
	 * RESERVATION_EXPIRED (another reason is told in general words)
	 */
	record OrderCancelled(UUID orderId, String reason) implements MailModel {
	}

	/**
	 * A dispatched shipment of an order.
	 *
	 * @param orderId the order
	 * @param shipmentId the shipment
	 * @param trackingNumber the carrier's tracking number
	 */
	record OrderDispatched(UUID orderId, UUID shipmentId, String trackingNumber) implements MailModel {
	}

}
