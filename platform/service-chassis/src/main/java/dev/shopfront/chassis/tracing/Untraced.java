package dev.shopfront.chassis.tracing;

import java.util.function.Supplier;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * Work that belongs to no request: the outbox relay's poll, a scheduled sweep or purge.
 * It runs under a span that is not sampled, so the OpenTelemetry agent records nothing
 * for it (with its default parent-based sampler the SQL statements under it are not
 * sampled either) and no trace starts at a poll that found nothing. What such work does
 * for a request still belongs to that request's trace: the relay publishes each row in
 * the {@link StoredTrace} the row keeps, and a row written here keeps no trace at all
 * ({@link StoredTrace#current()}), so the message it becomes starts a trace of its own
 * when it is published.
 */
public final class Untraced {

	private static final ContextKey<Boolean> UNTRACED = ContextKey.named("shopfront-untraced");

	/** Valid ids (a parent-based sampler looks only at the flags of a valid parent). */
	private static final SpanContext NOT_SAMPLED = SpanContext.create("5b0f3ab06a7a4f1e9c1d7e2f00000001",
			"5b0f3ab000000001", TraceFlags.getDefault(), TraceState.getDefault());

	private Untraced() {
	}

	/**
	 * Runs work outside any trace.
	 * @param work the work
	 */
	public static void run(Runnable work) {
		try (Scope scope = context().makeCurrent()) {
			work.run();
		}
	}

	/**
	 * Runs work outside any trace.
	 * @param <T> the type of its result
	 * @param work the work
	 * @return its result
	 */
	public static <T> T call(Supplier<T> work) {
		try (Scope scope = context().makeCurrent()) {
			return work.get();
		}
	}

	/**
	 * Whether the current thread works outside any trace (in {@link #run} or
	 * {@link #call}).
	 * @return {@code true} inside untraced work
	 */
	public static boolean isActive() {
		return Boolean.TRUE.equals(Context.current().get(UNTRACED));
	}

	private static Context context() {
		return Context.root().with(Span.wrap(NOT_SAMPLED)).with(UNTRACED, Boolean.TRUE);
	}

}
