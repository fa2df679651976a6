package dev.shopfront.notification.mail;

import java.util.List;
import java.util.UUID;

import dev.shopfront.notification.mail.MailModel.Address;
import dev.shopfront.notification.mail.MailModel.Line;
import dev.shopfront.notification.mail.MailModel.OrderCancelled;
import dev.shopfront.notification.mail.MailModel.OrderConfirmed;
import dev.shopfront.notification.mail.MailModel.OrderDispatched;
import dev.shopfront.notification.mail.MailModel.VerifyEmail;
import dev.shopfront.notification.mail.MailModel.Welcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailTemplatesTests {

	private static final UUID ORDER = UUID.fromString("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");

	private final MailTemplates templates = new MailTemplates();

	@Test
	void welcomesByName() {
		RenderedMail mail = this.templates.render(Template.WELCOME, new Welcome(UUID.randomUUID()), "Ada Lovelace",
				"ada@example.test");
		assertThat(mail.subject()).isEqualTo("Welcome to Shopfront");
		assertThat(mail.body()).startsWith("Hello Ada Lovelace,\n\n")
			.contains("sign in with ada@example.test")
			.endsWith("the Shopfront team\n");
	}

	@Test
	void confirmsAnOrderWithItsLinesTotalAndAddress() {
		OrderConfirmed order = new OrderConfirmed(ORDER,
				List.of(new Line("MUG-001", 2, "12.50"), new Line("TEE-BLK-M", 1, "19.99")), "44.99", "EUR",
				new Address("Hauptstraße 5", "2. Stock", "Berlin", "10115", "DE"));
		RenderedMail mail = this.templates.render(Template.ORDER_CONFIRMED, order, "Grace Hopper", "g@example.test");
		assertThat(mail.subject()).isEqualTo("Your Shopfront order 3F2A9C1E is confirmed");
		assertThat(mail.body()).startsWith("Hello Grace Hopper,\n").contains("""
				  SKU       Quantity     Unit price         Amount
				  MUG-001          2      12.50 EUR      25.00 EUR
				  TEE-BLK-M        1      19.99 EUR      19.99 EUR

				Total: 44.99 EUR
				""").contains("""
				It will be shipped to:

				  Hauptstraße 5
				  2. Stock
				  10115 Berlin
				  DE
				""").contains("Order number: " + ORDER);
	}

	@Test
	void anAddressWithoutSecondLineHasNoEmptyLine() {
		OrderConfirmed order = new OrderConfirmed(ORDER, List.of(new Line("MUG-001", 1, "12.50")), "12.50", "EUR",
				new Address("1 Main Street", null, "Dublin", "D01 F5P2", "IE"));
		assertThat(this.templates.render(Template.ORDER_CONFIRMED, order, "A", "a@example.test").body())
			.contains("  1 Main Street\n  D01 F5P2 Dublin\n  IE\n");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			PAYMENT_DECLINED    | your payment was declined.
			PAYMENT_TIMEOUT     | we did not receive the confirmation of your payment in time.
			CUSTOMER_REQUEST    | you asked us to cancel it.
			RESERVATION_EXPIRED | we could not hold the items for you until the payment was complete.
			SOMETHING_NEW       | we could not complete it.
			""")
	void tellsWhyAnOrderWasCancelledInWords(String reason, String words) {
		RenderedMail mail = this.templates.render(Template.ORDER_CANCELLED, new OrderCancelled(ORDER, reason),
				"Alan Turing", "alan@example.test");
		assertThat(mail.subject()).isEqualTo("Your Shopfront order 3F2A9C1E was cancelled");
		assertThat(mail.body()).contains("your order 3F2A9C1E was cancelled: " + words).doesNotContain(reason);
	}

	@Test
	void tellsOfARefundUnlessThePaymentWasDeclined() {
		assertThat(this.templates
			.render(Template.ORDER_CANCELLED, new OrderCancelled(ORDER, "PAYMENT_DECLINED"), "A", "a@example.test")
			.body()).contains("Your card was not charged.").doesNotContain("refunded");
		assertThat(this.templates
			.render(Template.ORDER_CANCELLED, new OrderCancelled(ORDER, "CUSTOMER_REQUEST"), "A", "a@example.test")
			.body()).contains("If your card was charged for this order, the amount is refunded to it.");
	}

	@Test
	void tellsTheTrackingNumberOfADispatchedOrder() {
		RenderedMail mail = this.templates.render(Template.ORDER_DISPATCHED,
				new OrderDispatched(ORDER, UUID.randomUUID(), "SF7K2M9Q4X1B"), "Linus", "l@example.test");
		assertThat(mail.subject()).isEqualTo("Your Shopfront order 3F2A9C1E is on its way");
		assertThat(mail.body()).contains("Tracking number: SF7K2M9Q4X1B").contains("Order number: " + ORDER);
	}

	@ParameterizedTest
	@EnumSource(Template.class)
	void everyTemplateRendersWithoutPlaceholdersLeftAndItsSubjectNeedsNoRecipient(Template template) {
		MailModel model = switch (template) {
			case VERIFY_EMAIL -> new VerifyEmail(UUID.randomUUID(), "code-0123456789abcdef", "2026-12-07T10:00:00Z",
					"http://localhost:8080");
			case WELCOME -> new Welcome(UUID.randomUUID());
			case ORDER_CONFIRMED -> new OrderConfirmed(ORDER, List.of(new Line("MUG-001", 1, "1.00")), "1.00", "EUR",
					new Address("a", null, "b", "c", "DE"));
			case ORDER_CANCELLED -> new OrderCancelled(ORDER, "CUSTOMER_REQUEST");
			case ORDER_DISPATCHED -> new OrderDispatched(ORDER, UUID.randomUUID(), "SF0000000000");
		};
		RenderedMail mail = this.templates.render(template, model, "Name", "name@example.test");
		assertThat(mail.subject()).isNotBlank().doesNotContain("{{").isEqualTo(this.templates.subject(template, model));
		assertThat(mail.body()).doesNotContain("{{").doesNotContain("}}").startsWith("Hello Name,");
	}

	@Test
	void aModelOfAnotherTemplateIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.subject(Template.ORDER_CONFIRMED, new Welcome(UUID.randomUUID())))
			.withMessageContaining("OrderConfirmed");
	}

}
