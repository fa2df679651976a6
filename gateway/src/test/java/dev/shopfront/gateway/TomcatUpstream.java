package dev.shopfront.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A stand-in service on the same server the services run on (embedded Tomcat, default
 * connector settings), which counts the connections its requests came on: how the gateway
 * treats its connections to a real service.
 */
final class TomcatUpstream implements AutoCloseable {

	private final Tomcat tomcat = new Tomcat();

	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	private final AtomicInteger requests = new AtomicInteger();

	TomcatUpstream() {
		try {
			File base = Files.createTempDirectory("tomcat-upstream").toFile();
			this.tomcat.setBaseDir(base.getAbsolutePath());
			Connector connector = new Connector();
			connector.setPort(0);
			connector.setProperty("address", "127.0.0.1");
			this.tomcat.setConnector(connector);
			Context context = this.tomcat.addContext("", base.getAbsolutePath());
			Tomcat.addServlet(context, "answer", new HttpServlet() {
				@Override
				protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
					TomcatUpstream.this.clientPorts.add(request.getRemotePort());
					TomcatUpstream.this.requests.incrementAndGet();
					byte[] body = "{\"sku\":\"MUG-CLASSIC\",\"available\":12}".getBytes(StandardCharsets.UTF_8);
					response.setContentType("application/json");
					response.setContentLength(body.length);
					response.getOutputStream().write(body);
				}
			});
			context.addServletMappingDecoded("/*", "answer");
			this.tomcat.start();
		}
		catch (IOException | LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.tomcat.getConnector().getLocalPort();
	}

	/** Requests answered so far. */
	int requests() {
		return this.requests.get();
	}

	/** Distinct connections (client ports) the requests came on so far. */
	int connections() {
		return this.clientPorts.size();
	}

	@Override
	public void close() throws LifecycleException {
		this.tomcat.stop();
		this.tomcat.destroy();
	}

}
