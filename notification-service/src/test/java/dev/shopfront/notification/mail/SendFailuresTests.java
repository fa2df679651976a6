package dev.shopfront.notification.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailuresTests {

	@Test
	void anUnreachableServerIsSaidSoWithoutItsHost() {
		MailSendException failure = new MailSendException("Mail server connection failed",
				new MessagingException("Couldn't connect to host, port: smtp.internal, 25; timeout 5000",
						new ConnectException("Connection refused")));
		assertThat(SendFailures.describe(failure, null))
			.isEqualTo("mail server unreachable (ConnectException: Connection refused)");
		assertThat(SendFailures.describe(new MailSendException("x", new UnknownHostException("smtp.internal")), null))
			.isEqualTo("mail server unreachable (UnknownHostException)");
	}

	@Test
	void aRefusedLoginNamesNoCredentials() {
		String password = "s3cret-pa55";
		assertThat(
				SendFailures.describe(
						new MailAuthenticationException(
								new AuthenticationFailedException("535 login failed for shop with " + password)),
						password))
			.isEqualTo("mail server refused the login");
	}

	@Test
	void aRefusedMessageKeepsTheServersAnswerButNoSecret() {
		String password = "s3cret-pa55";
		String description = SendFailures.describe(
				new MailSendException("Failed messages",
						new SendFailedException("550 5.1.1 <x@example.test> rejected\r\n(" + password + ")")),
				password);
		assertThat(description).startsWith("mail server refused the message: 550 5.1.1 <x@example.test> rejected")
			.doesNotContain(password)
			.doesNotContain("\n")
			.doesNotContain("\r");
	}

	@Test
	void onlyAnUnreachableServerOrARefusedLoginIsAnOutage() {
		assertThat(SendFailures.isOutage(new MailSendException("Mail server connection failed",
				new MessagingException("Couldn't connect", new ConnectException("Connection refused")))))
			.isTrue();
		assertThat(SendFailures.isOutage(new MailSendException("x", new SocketTimeoutException("Read timed out"))))
			.isTrue();
		assertThat(SendFailures
			.isOutage(new MailAuthenticationException(new AuthenticationFailedException("535 login failed")))).isTrue();
		assertThat(SendFailures.isOutage(new MailSendException("Failed messages",
				new SendFailedException("550 5.1.1 <x@example.test> rejected"))))
			.isFalse();
		assertThat(SendFailures.isOutage(new IllegalStateException("broken"))).isFalse();
	}

	@Test
	void aRecipientTheServerRefusedIsARefusedMessageWithTheServersAnswer() {
		// how JavaMailSenderImpl reports it: no cause, the message's exception in a map
		MailSendException failure = new MailSendException(Map.of(new Object(),
				new SendFailedException("Invalid Addresses", new MessagingException("550 5.1.1 no such mailbox"))));
		assertThat(SendFailures.describe(failure, null))
			.isEqualTo("mail server refused the message: 550 5.1.1 no such mailbox");
		assertThat(SendFailures.isOutage(failure)).isFalse();
		MailSendException timedOut = new MailSendException(Map.of(new Object(),
				new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))));
		assertThat(SendFailures.isOutage(timedOut)).isTrue();
	}

	@Test
	void aLongErrorIsCut() {
		String description = SendFailures.describe(new IllegalStateException("x".repeat(2000)), null);
		assertThat(description).hasSize(SendFailures.MAX_LENGTH).endsWith("...").startsWith("IllegalStateException: x");
	}

}
