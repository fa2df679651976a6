package dev.shopfront.chassis.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.jspecify.annotations.Nullable;

/**
 * The W3C trace context of a moment as the two strings a row keeps ({@code traceparent},
 * {@code tracestate}), and back. Work done later for the same request, by another thread
 * or instance (the outbox relay publishing a row, the notification sender mailing one),
 * continues the request's trace from it instead of starting a trace of its own.
 *
 * @param traceparent the W3C {@code traceparent}, absent outside a trace
 * @param tracestate the W3C {@code tracestate}, usually absent
 */
public record StoredTrace(@Nullable String traceparent, @Nullable String tracestate) {

	private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}
	};

	/**
	 * The trace the current thread works in.
	 * @return its context, both strings absent outside a trace and in {@link Untraced}
	 * work
	 */
	public static StoredTrace current() {
		if (Untraced.isActive()) {
			return new StoredTrace(null, null);
		}
		Map<String, String> carrier = new HashMap<>();
		W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
		return new StoredTrace(carrier.get("traceparent"), carrier.get("tracestate"));
	}

	/**
	 * The context to make current (or to parent a span on) to continue the stored trace.
	 * @return the stored trace's context, or the root context when none was stored
	 */
	public Context context() {
		if (this.traceparent == null) {
			return Context.root();
		}
		Map<String, String> carrier = new HashMap<>();
		carrier.put("traceparent", this.traceparent);
		if (this.tracestate != null) {
			carrier.put("tracestate", this.tracestate);
		}
		return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, GETTER);
	}

}
