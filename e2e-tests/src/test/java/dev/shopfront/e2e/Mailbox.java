package dev.shopfront.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mails a deployment sent, read from its mail sink's web API
 * ({@code -De2e.mailApiUrl}): GreenMail's, as {@code ./shop up} runs it, or Mailpit's, as
 * {@code docker compose up} runs it, told apart by asking Mailpit's {@code /api/v1/info}.
 */
final class Mailbox {

	/** The code in a verification e-mail's instructions. */
	private static final Pattern CODE = Pattern.compile("\"token\": \"([A-Za-z0-9_-]{16,100})\"");

	private static final Map<URI, Boolean> MAILPIT = new ConcurrentHashMap<>();

	private Mailbox() {
	}

	/**
	 * The raw messages in an inbox, with quoted-printable soft line breaks undone.
	 * @param mailApi the sink's web API
	 * @param address the inbox
	 * @return the messages, oldest first
	 */
	static List<String> messages(URI mailApi, String address) {
		List<String> raw = isMailpit(mailApi) ? mailpit(mailApi, address) : greenMail(mailApi, address);
		return raw.stream().map((mime) -> mime.replace("=\r\n", "").replace("=\n", "")).toList();
	}

	private static List<String> greenMail(URI mailApi, String address) {
		Response inbox = RestAssured.given()
			.baseUri(mailApi.toString())
			.urlEncodingEnabled(false)
			.get("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
		assertThat(inbox.statusCode()).as(inbox.asString()).isEqualTo(200);
		return inbox.jsonPath().getList("mimeMessage");
	}

	/** Mailpit lists the newest first; the raw source of each, oldest first. */
	private static List<String> mailpit(URI mailApi, String address) {
		Response found = RestAssured.given()
			.baseUri(mailApi.toString())
			.queryParam("query", "to:\"" + address + "\"")
			.get("/api/v1/search");
		assertThat(found.statusCode()).as(found.asString()).isEqualTo(200);
		List<String> ids = new ArrayList<>(found.jsonPath().getList("messages.ID"));
		Collections.reverse(ids);
		return ids.stream()
			.map((id) -> RestAssured.given()
				.baseUri(mailApi.toString())
				.get("/api/v1/message/" + id + "/raw")
				.asString())
			.toList();
	}

	private static boolean isMailpit(URI mailApi) {
		return MAILPIT.computeIfAbsent(mailApi, (api) -> {
			try {
				return RestAssured.given().baseUri(api.toString()).get("/api/v1/info").statusCode() == 200;
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
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
