package dev.shopfront.chassis.tracing;

import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Untraced} against the OpenTelemetry SDK with the agent's default sampler
 * (parent-based, always on): what the SDK does not sample, the agent does not export.
 */
class UntracedTests {

	private static final String WRITER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final SdkTracerProvider provider = SdkTracerProvider.builder()
		.setSampler(Sampler.parentBased(Sampler.alwaysOn()))
		.build();

	private final Tracer tracer = this.provider.get("untraced-tests");

	@AfterEach
	void close() {
		this.provider.close();
	}

	@Test
	void aStatementOfUntracedWorkIsNotRecordedWhileOneOutsideIs() {
		Span outside = this.tracer.spanBuilder("select").startSpan();
		assertThat(outside.isRecording()).as("outside Untraced a span starts a trace").isTrue();
		outside.end();
		Untraced.run(() -> {
			Span inside = this.tracer.spanBuilder("select").startSpan();
			assertThat(inside.isRecording()).isFalse();
			assertThat(inside.getSpanContext().isSampled()).isFalse();
			inside.end();
		});
	}

	@Test
	void untracedWorkStoresNoTraceWithTheRowsItWrites() {
		assertThat(Untraced.isActive()).isFalse();
		StoredTrace stored = Untraced.call(() -> {
			assertThat(Untraced.isActive()).isTrue();
			return StoredTrace.current();
		});
		assertThat(stored.traceparent()).isNull();
		assertThat(stored.tracestate()).isNull();
		assertThat(Untraced.isActive()).as("only inside").isFalse();
	}

	@Test
	void aRowRelayedByUntracedWorkIsPublishedInItsWritersTrace() {
		AtomicReference<Span> publish = new AtomicReference<>();
		Untraced.run(() -> {
			try (Scope scope = new StoredTrace(WRITER, null).context().makeCurrent()) {
				assertThat(Untraced.isActive()).isFalse();
				publish.set(this.tracer.spanBuilder("publish").startSpan());
			}
		});
		Span span = publish.get();
		assertThat(span.isRecording()).isTrue();
		assertThat(span.getSpanContext().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		span.end();
	}

	@Test
	void aRowWrittenWithoutATraceIsPublishedAsATraceOfItsOwn() {
		AtomicReference<Span> publish = new AtomicReference<>();
		Untraced.run(() -> {
			try (Scope scope = StoredTrace.current().context().makeCurrent()) {
				publish.set(this.tracer.spanBuilder("publish").startSpan());
			}
		});
		assertThat(publish.get().isRecording()).isTrue();
		assertThat(((ReadableSpan) publish.get()).getParentSpanContext().isValid()).isFalse();
		publish.get().end();
	}

}
