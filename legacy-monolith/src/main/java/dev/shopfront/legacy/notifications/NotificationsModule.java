package dev.shopfront.legacy.notifications;

import java.math.BigDecimal;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The e-mails of the monolith: recorded in the caller's transaction, sent once it
 * commits, on the request's thread (the monolith's way; the services send them from
 * events).
 */
@Service
public class NotificationsModule {

	private static final Logger log = LoggerFactory.getLogger(NotificationsModule.class);

	private final JdbcClient jdbc;

	private final JavaMailSender mail;

	NotificationsModule(JdbcClient jdbc, JavaMailSender mail) {
		this.jdbc = jdbc;
		this.mail = mail;
	}

	/**
	 * Tells a customer that an order is confirmed, once the order's transaction commits.
	 * @param userId the customer
	 * @param email the customer's address
	 * @param orderId the order
	 * @param total its total
	 * @param currency its currency
	 */
	public void orderConfirmed(UUID userId, String email, UUID orderId, BigDecimal total, String currency) {
		UUID id = UUID.randomUUID();
		String subject = "Your Shopfront order " + orderId.toString().substring(0, 8) + " is confirmed";
		this.jdbc.sql("""
				insert into notifications (id, user_id, order_id, recipient, subject, status)
				values (?, ?, ?, ?, ?, 'PENDING')""").params(id, userId, orderId, email, subject).update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				send(id, email, subject,
						"Thank you for your order " + orderId + " of " + total.toPlainString() + " " + currency + ".");
			}

		});
	}

	private void send(UUID id, String to, String subject, String text) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("shop@shopfront.example");
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		String status = "SENT";
		try {
			this.mail.send(message);
		}
		catch (MailException ex) {
			status = "FAILED";
			log.warn("E-mail {} could not be sent: {}", id, ex.toString());
		}
		this.jdbc.sql("update notifications set status = ?, sent_at = now() where id = ?").params(status, id).update();
	}

}
