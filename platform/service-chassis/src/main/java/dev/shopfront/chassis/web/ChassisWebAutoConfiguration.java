package dev.shopfront.chassis.web;

import dev.shopfront.chassis.config.ChassisProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Consistent HTTP errors for every servlet service: problem+json from Spring MVC, from
 * the container's error dispatch and from the body size cap.
 */
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ChassisProperties.class)
public class ChassisWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemWriter problemWriter(JsonMapper json) {
		return new ProblemWriter(json);
	}

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice(ChassisProperties properties, ObjectProvider<ProblemMappings> mappings) {
		return new ProblemDetailsAdvice(properties.web().unavailableRetryAfter(), mappings.orderedStream().toList());
	}

	@Bean
	ProblemBodyAdvice problemBodyAdvice() {
		return new ProblemBodyAdvice();
	}

	@Bean
	@ConditionalOnClass(name = "org.springframework.dao.OptimisticLockingFailureException")
	DataAccessProblemsAdvice dataAccessProblemsAdvice() {
		return new DataAccessProblemsAdvice();
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ProblemWriter problems, ChassisProperties properties) {
		return new ProblemErrorController(problems, properties);
	}

	@Bean
	@ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
	ContainerErrorsConfiguration containerErrors(ProblemWriter problems) {
		return new ContainerErrorsConfiguration(problems);
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ChassisProperties properties,
			ProblemWriter problems) {
		var registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(properties.web().maxBodySize().toBytes(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RejectedRequestFilter> rejectedRequestFilter(ProblemWriter problems) {
		var registration = new FilterRegistrationBean<>(new RejectedRequestFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
		return registration;
	}

}
