package dev.shopfront.chassis.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTraceTests {

	private static final SpanContext REQUEST = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
			"00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.builder().put("shop", "front").build());

	@Test
	void keepsTheCurrentTraceAsItsW3cHeaders() {
		try (Scope scope = Context.root().with(Span.wrap(REQUEST)).makeCurrent()) {
			StoredTrace stored = StoredTrace.current();
			assertThat(stored.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
			assertThat(stored.tracestate()).isEqualTo("shop=front");
		}
	}

	@Test
	void givesBackAContextThatContinuesTheStoredTrace() {
		StoredTrace stored = new StoredTrace("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "shop=front");
		SpanContext parent = Span.fromContext(stored.context()).getSpanContext();
		assertThat(parent.getTraceId()).isEqualTo(REQUEST.getTraceId());
		assertThat(parent.getSpanId()).isEqualTo(REQUEST.getSpanId());
		assertThat(parent.isRemote()).isTrue();
		assertThat(parent.getTraceState().get("shop")).isEqualTo("front");
	}

	@Test
	void outsideATraceNothingIsStoredAndNothingContinued() {
		StoredTrace stored = StoredTrace.current();
		assertThat(stored.traceparent()).isNull();
		assertThat(stored.tracestate()).isNull();
		assertThat(Span.fromContext(stored.context()).getSpanContext().isValid()).isFalse();
	}

}
