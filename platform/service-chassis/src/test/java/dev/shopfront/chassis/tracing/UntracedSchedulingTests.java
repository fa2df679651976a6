package dev.shopfront.chassis.tracing;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UntracedSchedulingTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
		.withUserConfiguration(Job.class);

	@Test
	void scheduledWorkRunsUntraced() {
		this.contexts.withConfiguration(AutoConfigurations.of(ChassisTracingAutoConfiguration.class))
			.run((context) -> assertThat(firstRun(context.getBean(Job.class))).isTrue());
	}

	@Test
	void withoutTheChassisScheduledWorkWouldRunInWhateverContextTheSchedulerHas() {
		this.contexts.run((context) -> assertThat(firstRun(context.getBean(Job.class))).isFalse());
	}

	private static boolean firstRun(Job job) {
		return await().atMost(Duration.ofSeconds(10)).until(job.untraced::poll, (untraced) -> untraced != null);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Job {

		final LinkedBlockingQueue<Boolean> untraced = new LinkedBlockingQueue<>();

		@Scheduled(fixedDelay = 50)
		void sweep() {
			this.untraced.offer(Untraced.isActive());
		}

	}

}
