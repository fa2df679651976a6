package dev.shopfront.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mails a deployment sent, read from its mail sink's web API (GreenMail's, as
 * {@code ./shop up} runs it, or {@code -De2e.mailApiUrl}).
 */
final class Mailbox {

	/** The code in a verification e-mail's instructions. */
	private static final Pattern CODE = Pattern.compile("\"token\": \"([A-Za-z0-9_-]{16,100})\"");

	private Mailbox() {
	}

	/**
	 * The raw messages in an inbox, with quoted-printable soft line breaks undone.
	 * @param mailApi the sink's web API
	 * @param address the inbox
	 * @return the messages, oldest first
	 */
	static List<String> messages(URI mailApi, String address) {
		Response inbox = RestAssured.given()
			.baseUri(mailApi.toString())
			.urlEncodingEnabled(false)
			.get("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
		assertThat(inbox.statusCode()).as(inbox.asString()).isEqualTo(200);
		return inbox.jsonPath()
			.<String>getList("mimeMessage")
			.stream()
			.map((mime) -> mime.replace("=\r\n", "").replace("=\n", ""))
			.toList();
	}

	/**
	 * Waits for the verification e-mail of an address and reads its code.
	 * @param mailApi the sink's web API
	 * @param address the address
	 * @param wait how long to wait for it
	 * @return the code
	 */
	static String verificationCode(URI mailApi, String address, Duration wait) {
		String[] code = new String[1];
		await().atMost(wait).untilAsserted(() -> {
			List<String> codes = messages(mailApi, address).stream()
				.filter((mime) -> mime.contains("Subject: Confirm your e-mail address"))
				.map(CODE::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.toList();
			assertThat(codes).as("a verification e-mail to %s", address).isNotEmpty();
			code[0] = codes.get(codes.size() - 1);
		});
		return code[0];
	}

}
