package dev.shopfront.notification.mail.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.notification.mail.web.NotificationController.NotYoursException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The notification API's problems: another user's log is forbidden (403) to customers. A
 * malformed query parameter is the chassis' validation problem.
 */
@Configuration(proxyBeanMethods = false)
class NotificationProblems {

	@Bean
	ProblemMappings notificationProblemMappings() {
		return new ProblemMappings().map(NotYoursException.class, HttpStatus.FORBIDDEN, "forbidden", "Forbidden");
	}

}
