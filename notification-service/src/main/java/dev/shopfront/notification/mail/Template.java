package dev.shopfront.notification.mail;

/**
 * The e-mails notification-service sends, each from its own text template
 * ({@code mail/<name>.txt}) and with its own model.
 */
public enum Template {

	/**
	 * The code that verifies an address, on {@code user.email-verification-requested};
	 * the only e-mail an unverified address gets.
	 */
	VERIFY_EMAIL("verify-email", MailModel.VerifyEmail.class),

	/**
	 * Welcome to a newly registered user, on {@code user.registered}; sent once the
	 * address is verified.
	 */
	WELCOME("welcome", MailModel.Welcome.class),

	/** Order confirmation with lines, total and address, on {@code order.confirmed}. */
	ORDER_CONFIRMED("order-confirmed", MailModel.OrderConfirmed.class),

	/** Cancellation with its reason in words, on {@code order.cancelled}. */
	ORDER_CANCELLED("order-cancelled", MailModel.OrderCancelled.class),

	/** Dispatch with the tracking number, on {@code shipment.dispatched}. */
	ORDER_DISPATCHED("order-dispatched", MailModel.OrderDispatched.class);

	private final String file;

	private final Class<? extends MailModel> model;

	Template(String file, Class<? extends MailModel> model) {
		this.file = file;
		this.model = model;
	}

	/**
	 * The template's resource.
	 * @return e.g. {@code mail/welcome.txt}
	 */
	String resource() {
		return "mail/" + this.file + ".txt";
	}

	/**
	 * The type of the model the template is rendered from.
	 * @return the model's class
	 */
	Class<? extends MailModel> model() {
		return this.model;
	}

}
