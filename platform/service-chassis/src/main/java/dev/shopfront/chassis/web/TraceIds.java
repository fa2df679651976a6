package dev.shopfront.chassis.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the trace id of the current request, so an error answer can be matched to its
 * trace and logs.
 */
public final class TraceIds {

	private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

	private static final String ATTRIBUTE = TraceIds.class.getName();

	private TraceIds() {
	}

	/**
	 * The trace id of the request: the OpenTelemetry span's when the agent runs, else the
	 * incoming {@code traceparent}'s, else one made up once per request.
	 * @param request the current request
	 * @return 32 lowercase hex digits
	 */
	public static String current(HttpServletRequest request) {
		SpanContext span = Span.current().getSpanContext();
		if (span.isValid()) {
			return span.getTraceId();
		}
		String traceparent;
		try {
			traceparent = request.getHeader("traceparent");
		}
		catch (RuntimeException ex) {
			// a header the firewall refuses: the request is being refused, trace it anew
			traceparent = null;
		}
		if (traceparent != null) {
			var matcher = TRACEPARENT.matcher(traceparent.trim());
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		Object known = request.getAttribute(ATTRIBUTE);
		if (known instanceof String id) {
			return id;
		}
		String id = UUID.randomUUID().toString().replace("-", "");
		request.setAttribute(ATTRIBUTE, id);
		return id;
	}

}
