package dev.shopfront.notification.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shopfront.notification.mail.MailModel.Address;
import dev.shopfront.notification.mail.MailModel.Line;
import dev.shopfront.notification.mail.MailModel.OrderCancelled;
import dev.shopfront.notification.mail.MailModel.OrderConfirmed;
import dev.shopfront.notification.mail.MailModel.OrderDispatched;
import dev.shopfront.notification.mail.MailModel.VerifyEmail;
import dev.shopfront.notification.mail.MailModel.Welcome;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the plain-text e-mails from their templates ({@code mail/*.txt}): a first line
 * {@code Subject: ...}, an empty line, then the body; {@code {{name}}} stands for a value
 * the model gives. The subject may use only the model's values (it is rendered when the
 * notification is recorded, before its recipient may be known); the body may also use
 * {@code name} and {@code email}, the recipient's. A template that asks for a value it is
 * not given fails, so a broken template never sends half an e-mail.
 */
@Component
public class MailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");

	private static final String SUBJECT = "Subject: ";

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Map<Template, Parts> templates = new EnumMap<>(Template.class);

	public MailTemplates() {
		for (Template template : Template.values()) {
			this.templates.put(template, Parts.of(template, load(template.resource())));
		}
	}

	/** The parts of a template, every one loaded at start. */
	private Parts parts(Template template) {
		return Objects.requireNonNull(this.templates.get(template), template.name());
	}

	/**
	 * The subject line of an e-mail.
	 * @param template its template
	 * @param model what it says
	 * @return the subject
	 */
	public String subject(Template template, MailModel model) {
		return fill(template, parts(template).subject(), values(template, model));
	}

	/**
	 * Renders an e-mail.
	 * @param template its template
	 * @param model what it says
	 * @param name the recipient's name
	 * @param email the recipient's address
	 * @return the e-mail
	 */
	public RenderedMail render(Template template, MailModel model, String name, String email) {
		Map<String, String> values = values(template, model);
		String subject = fill(template, parts(template).subject(), values);
		values.put("name", name);
		values.put("email", email);
		return new RenderedMail(subject, fill(template, parts(template).body(), values));
	}

	private static Map<String, String> values(Template template, MailModel model) {
		if (!template.model().isInstance(model)) {
			throw new IllegalArgumentException(template + " is rendered from " + template.model().getSimpleName()
					+ ", not " + model.getClass().getSimpleName());
		}
		Map<String, String> values = new HashMap<>();
		switch (model) {
			case VerifyEmail verify -> {
				values.put("token", verify.token());
				values.put("expiresAt", EXPIRY.format(Instant.parse(verify.expiresAt())));
				values.put("shopUrl", verify.shopUrl());
			}
			case Welcome welcome -> {
			}
			case OrderConfirmed order -> {
				order(values, order.orderId());
				values.put("lines", lines(order.lines(), order.currency()));
				values.put("total", order.total());
				values.put("currency", order.currency());
				values.put("address", address(order.shippingAddress()));
			}
			case OrderCancelled order -> {
				order(values, order.orderId());
				values.put("reason", reason(order.reason()));
				values.put("refund", "PAYMENT_DECLINED".equals(order.reason()) ? "Your card was not charged."
						: "If your card was charged for this order, the amount is refunded to it.");
			}
			case OrderDispatched order -> {
				order(values, order.orderId());
				values.put("trackingNumber", order.trackingNumber());
			}
		}
		return values;
	}

	/**
	 * Why an order was cancelled, in words (the end of a sentence).
	 * @param reason the reason's code in {@code order.cancelled}
	 * @return the words
	 */
	static String reason(String reason) {
		return switch (reason) {
			case "PAYMENT_DECLINED" -> "your payment was declined.";
			case "PAYMENT_TIMEOUT" -> "we did not receive the confirmation of your payment in time.";
			case "CUSTOMER_REQUEST" -> "you asked us to cancel it.";
			case "RESERVATION_EXPIRED" -> "we could not hold the items for you until the payment was complete.";
			default -> "we could not complete it.";
		};
	}

	private static void order(Map<String, String> values, UUID orderId) {
		values.put("order", orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT));
		values.put("orderId", orderId.toString());
	}

	private static String lines(List<Line> lines, String currency) {
		int width = Math.max(3, lines.stream().mapToInt((line) -> line.sku().length()).max().orElse(0));
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "  %-" + width + "s %8s %14s %14s%n", "SKU", "Quantity", "Unit price",
				"Amount"));
		for (Line line : lines) {
			BigDecimal amount = new BigDecimal(line.unitPrice()).multiply(BigDecimal.valueOf(line.quantity()));
			text.append(String.format(Locale.ROOT, "  %-" + width + "s %8d %14s %14s%n", line.sku(), line.quantity(),
					line.unitPrice() + " " + currency, amount.toPlainString() + " " + currency));
		}
		return text.toString().stripTrailing();
	}

	private static String address(Address address) {
		StringBuilder text = new StringBuilder("  ").append(address.line1()).append('\n');
		if (address.line2() != null && !address.line2().isBlank()) {
			text.append("  ").append(address.line2()).append('\n');
		}
		text.append("  ").append(address.postalCode()).append(' ').append(address.city()).append('\n');
		text.append("  ").append(address.country());
		return text.toString();
	}

	private static String fill(Template template, String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException(
						"Template " + template + " uses {{" + matcher.group(1) + "}}, which it is not given");
			}
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private static String load(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the e-mail template " + resource, ex);
		}
	}

	/** A template split into its subject and body. */
	private record Parts(String subject, String body) {

		static Parts of(Template template, String text) {
			String normalized = text.replace("\r\n", "\n");
			int end = normalized.indexOf('\n');
			if (!normalized.startsWith(SUBJECT) || end < 0 || !normalized.startsWith("\n", end + 1)) {
				throw new IllegalStateException(
						"Template " + template + " must start with a line 'Subject: ...' followed by an empty line");
			}
			return new Parts(normalized.substring(SUBJECT.length(), end).strip(),
					normalized.substring(end + 2).stripTrailing() + "\n");
		}

	}

}
