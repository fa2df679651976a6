package dev.shopfront.inventory.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The frameworkless floor of the catalog-read benchmark
 * ({@code bench/read-benchmark.sh}): {@code GET /api/products/{sku}} answered by the
 * JDK's own HTTP server and plain JDBC, with the same query and the same JSON as
 * inventory-service, and nothing else (no framework, no security, no metrics, no tracing,
 * no logging). Whatever the service does on top of this is what its framework costs; the
 * benchmark prints the ratio.
 *
 * <p>
 * System properties: {@code port}, {@code jdbcUrl}, {@code jdbcUser}, {@code connections}
 * (8). One connection per concurrent request at most (a blocking queue as the pool), one
 * prepared statement per connection, a virtual thread per exchange.
 */
public final class ReadFloorServer {

	private static final String PREFIX = "/api/products/";

	private final BlockingQueue<PreparedStatement> statements;

	private ReadFloorServer(BlockingQueue<PreparedStatement> statements) {
		this.statements = statements;
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.getInteger("port", 28099);
		int connections = Integer.getInteger("connections", 8);
		BlockingQueue<PreparedStatement> statements = new ArrayBlockingQueue<>(connections);
		for (int i = 0; i < connections; i++) {
			Connection connection = DriverManager.getConnection(System.getProperty("jdbcUrl"),
					System.getProperty("jdbcUser"), System.getProperty("jdbcPassword", ""));
			statements.add(connection.prepareStatement(
					"select sku, name, description, category, price, currency, available from products where sku = ?"));
		}
		ReadFloorServer floor = new ReadFloorServer(statements);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext(PREFIX, floor::handle);
		server.start();
		System.out.println("Read floor listening on 127.0.0.1:" + port);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String sku = exchange.getRequestURI().getPath().substring(PREFIX.length());
			String json = "GET".equals(exchange.getRequestMethod()) ? product(sku) : null;
			byte[] body = ((json != null) ? json : "{\"status\":404}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders((json != null) ? 200 : 404, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private String product(String sku) {
		PreparedStatement statement;
		try {
			statement = this.statements.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		try {
			statement.setString(1, sku);
			try (ResultSet row = statement.executeQuery()) {
				if (!row.next()) {
					return null;
				}
				StringBuilder json = new StringBuilder(256).append('{');
				field(json, "sku", row.getString(1)).append(',');
				field(json, "name", row.getString(2)).append(',');
				field(json, "description", row.getString(3)).append(',');
				field(json, "category", row.getString(4)).append(',');
				field(json, "price", row.getBigDecimal(5).setScale(2).toPlainString()).append(',');
				field(json, "currency", row.getString(6)).append(',');
				return json.append("\"available\":").append(row.getInt(7)).append('}').toString();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.statements.add(statement);
		}
	}

	private static StringBuilder field(StringBuilder json, String name, String value) {
		json.append('"').append(name).append("\":");
		if (value == null) {
			return json.append("null");
		}
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}
