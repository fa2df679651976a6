package dev.shopfront.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny HTTP server on a free loopback port that publishes the public key of
 * {@link JwtMinter#shared()} at {@code /.well-known/jwks.json}, as user-service does.
 */
public final class TestJwks {

	private final URI uri;

	private TestJwks() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = JwtMinter.shared().jwkSetJson().getBytes(StandardCharsets.UTF_8);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The server of this JVM, started on first use.
	 * @return the server
	 */
	public static TestJwks get() {
		return Holder.INSTANCE;
	}

	/**
	 * Where the key set is served.
	 * @return the JWKS URI
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Made on the first {@link #get()}, once per JVM (the class initialisation is the
	 * lock).
	 */
	private static final class Holder {

		static final TestJwks INSTANCE = new TestJwks();

	}

}
