package dev.shopfront.chassis.tracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Scheduled work runs {@link Untraced}: {@code @Scheduled} methods get Spring Boot's task
 * scheduler wrapped in an {@link UntracedTaskScheduler}.
 */
@AutoConfiguration
public class ChassisTracingAutoConfiguration {

	@Bean
	SchedulingConfigurer untracedScheduling(ObjectProvider<TaskScheduler> schedulers) {
		return (registrar) -> {
			TaskScheduler scheduler = schedulers.getIfUnique();
			if (scheduler != null) {
				registrar.setTaskScheduler(new UntracedTaskScheduler(scheduler));
			}
		};
	}

}
